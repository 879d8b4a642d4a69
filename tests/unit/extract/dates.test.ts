// Dates resolved against the publication date, by table.
import { describe, expect, it } from 'vitest';
import { hasDateCue, resolveDate } from '../../../src/extract/resolve-date.ts';

describe('resolveDate', () => {
  it.each([
    ['last night', 'Jets bombed the factory last night.', '2018-07-13', '2018-07-12', 'day'],
    ['a bare weekday before the report', 'Activists launched a campaign Tuesday.', '2014-06-11', '2014-06-10', 'day'],
    ['a weekday in a press release', 'The massacre happened on Wednesday.', '2017-10-05', '2017-10-04', 'day'],
    ['the weekday of the report itself', 'Shelling hit the town on Thursday.', '2017-10-05', '2017-10-05', 'day'],
    ['month and day (en parser, not en.GB)', 'The raid came on Monday November 13.', '2017-11-20', '2017-11-13', 'day'],
    ['month and day after the report date is last year', 'The strike happened on December 20.', '2020-05-11', '2019-12-20', 'day'],
    ['numeric day first', 'The shelling began on 12.01.2017.', null, '2017-01-12', 'day'],
    ['a full date without a report date', 'It was shelled on 29 January 2020.', null, '2020-01-29', 'day'],
    ['a span gives the month', 'Jets killed 100 people in the past 48 hours.', '2018-02-07', '2018-02', 'month'],
    ['over the weekend', 'At least 116 died over the weekend.', '2018-08-14', '2018-08', 'month'],
    ['since a month', 'Forces have bombed the area since late March 2019.', '2020-05-11', '2019-03', 'month'],
    ['today', 'The Secretary-General condemns the attacks today.', '2018-07-25', '2018-07-25', 'day'],
  ])('%s', (_what, sentence, published, date, precision) => {
    expect(resolveDate(sentence, published)).toMatchObject({ date, precision });
  });

  it.each([
    ['the statement\'s date, not the incident\'s', 'The army said on Thursday that rebels shelled the town.', '2016-04-28'],
    ['told reporters on a day', 'Eight were killed, the general told reporters on Wednesday.', '2019-05-16'],
    ['a weekday without a report date', 'The town was hit on Wednesday.', null],
    ['a relative span without a report date', 'Jets killed 160 people in the past few days.', null],
    ['no date word at all', 'Jets bombed the town.', '2019-05-16'],
  ])('no date: %s', (_what, sentence, published) => {
    expect(resolveDate(sentence, published).date).toBeNull();
  });

  it('calls chrono only where there is a date word', () => {
    expect(hasDateCue('Jets bombed the town and killed 12 people.')).toBe(false);
    expect(hasDateCue('Jets bombed the town on Monday.')).toBe(true);
  });
});
