// A group's checks as they are: what each watches, its settings, whether recovery resolves the
// ticket, and the script that may fix it.
import type { CheckDraft } from '../../state/check-form.js';
import { settingText, settingValues } from '../../state/check-form.js';
import { t } from '../../i18n/index.js';
import { checkFieldLabel, checkKindLabel } from './check-words.js';

export function CheckTable(props: { checks: readonly CheckDraft[] }) {
  if (props.checks.length === 0) return <p class="state-body">{t('checks.none')}</p>;
  return (
    <div class="table-scroll">
      <table class="table table-compact wrap-table">
        <thead>
          <tr>
            <th scope="col">{t('checks.colName')}</th>
            <th scope="col">{t('checks.colKind')}</th>
            <th scope="col">{t('checks.colSettings')}</th>
            <th scope="col">{t('checks.colAutoResolve')}</th>
            <th scope="col">{t('checks.colRemediation')}</th>
          </tr>
        </thead>
        <tbody>
          {props.checks.map((check) => (
            <tr key={check.id} data-check={check.id}>
              <td>
                <div class="cell-name">{settingText(check.name)}</div>
                <div class="cell-secondary">
                  <code>{check.id}</code>
                </div>
              </td>
              <td>{checkKindLabel(check.kind)}</td>
              <td>
                {settingValues(check).map(([name, value]) => (
                  <div key={name}>
                    {checkFieldLabel(name)}: <strong>{value}</strong>
                  </div>
                ))}
              </td>
              <td>{t(check.autoResolve === true ? 'checks.yes' : 'checks.no')}</td>
              <td>{typeof check.remediationScript === 'string' ? check.remediationScript : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
