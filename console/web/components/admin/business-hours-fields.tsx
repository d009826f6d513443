// Opening hours per weekday, as start–end intervals in the calendar's zone (none: closed that
// day), and the holidays as a list of dates. Each row shows the server's message about it.
import { WEEKDAYS, type Weekday } from '../../../../protocol/api/sla.js';
import { locale, t } from '../../i18n/index.js';
import type { HelpDeskField, HelpDeskForm, Interval } from '../../state/help-desk-form.js';
import { FieldError } from '../schedules/field.js';

type Errors = Partial<Record<HelpDeskField, string>>;

/** The weekday's name in the reader's language (5 January 2026 was a Monday). */
export function weekdayName(day: Weekday, language: string): string {
  const date = new Date(Date.UTC(2026, 0, 5 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

export function BusinessHoursFields(props: {
  hours: HelpDeskForm['hours'];
  errors: Errors;
  onChange: (day: Weekday, intervals: Interval[]) => void;
}) {
  return (
    <fieldset class="form-fieldset">
      <legend>{t('admin.hoursLegend')}</legend>
      <p class="field-hint">{t('admin.hoursHint')}</p>
      <div class="hours-days">
        {WEEKDAYS.map((day) => {
          const name = weekdayName(day, locale.value);
          const intervals = props.hours[day];
          const set = (index: number, patch: Partial<Interval>) =>
            props.onChange(
              day,
              intervals.map((interval, at) => (at === index ? { ...interval, ...patch } : interval)),
            );
          return (
            <div key={day} class={`hours-day${props.errors[`hours-${day}`] ? ' field-invalid' : ''}`} data-day={day}>
              <span class="hours-day-name">{name}</span>
              <div class="hours-intervals">
                {intervals.length === 0 && <span class="muted">{t('admin.hoursClosed')}</span>}
                {intervals.map((interval, index) => (
                  <span key={index} class="hours-interval">
                    <input
                      class="input"
                      type="time"
                      aria-label={t('admin.hoursOpens', { day: name, n: index + 1 })}
                      value={interval.start}
                      onInput={(event) => set(index, { start: event.currentTarget.value })}
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      class="input"
                      type="time"
                      aria-label={t('admin.hoursCloses', { day: name, n: index + 1 })}
                      value={interval.end}
                      onInput={(event) => set(index, { end: event.currentTarget.value })}
                    />
                    <button
                      type="button"
                      class="button button-small button-quiet"
                      aria-label={t('admin.hoursRemove', { day: name, n: index + 1 })}
                      onClick={() =>
                        props.onChange(
                          day,
                          intervals.filter((_, at) => at !== index),
                        )
                      }
                    >
                      ×
                    </button>
                  </span>
                ))}
                <button
                  type="button"
                  class="button button-small"
                  aria-label={t('admin.hoursAddFor', { day: name })}
                  onClick={() => props.onChange(day, [...intervals, nextInterval(intervals)])}
                >
                  {t('admin.hoursAdd')}
                </button>
              </div>
              <FieldError id={`hours-${day}-error`} message={props.errors[`hours-${day}`]} />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A new interval: office hours on an empty day, else the afternoon after the last one. */
function nextInterval(intervals: Interval[]): Interval {
  const last = intervals.at(-1);
  if (!last) return { start: '09:00', end: '17:00' };
  return { start: last.end, end: last.end < '23:00' ? '23:00' : '24:00' };
}

export function HolidaysField(props: { holidays: string[]; error?: string; onChange: (holidays: string[]) => void }) {
  return (
    <fieldset class={`form-fieldset${props.error ? ' field-invalid' : ''}`}>
      <legend>{t('admin.holidaysLegend')}</legend>
      <p class="field-hint">{t('admin.holidaysHint')}</p>
      <ul class="holidays" aria-label={t('admin.holidaysLegend')}>
        {props.holidays.map((date, index) => (
          <li key={index}>
            <input
              class="input"
              type="date"
              aria-label={t('admin.holidayDate', { n: index + 1 })}
              value={date}
              onInput={(event) =>
                props.onChange(props.holidays.map((each, at) => (at === index ? event.currentTarget.value : each)))
              }
            />
            <button
              type="button"
              class="button button-small button-quiet"
              aria-label={t('admin.holidayRemove', { date: date || String(index + 1) })}
              onClick={() => props.onChange(props.holidays.filter((_, at) => at !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="button button-small" onClick={() => props.onChange([...props.holidays, ''])}>
        {t('admin.holidayAdd')}
      </button>
      <FieldError id="holidays-error" message={props.error} />
    </fieldset>
  );
}
