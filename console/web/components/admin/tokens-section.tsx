// Enrollment tokens: every token with its group, uses, approval and expiry, making a new one
// (its secret shown once, with the enroll command to copy) and revoking one still active.
import { useState } from 'preact/hooks';
import type { EnrollmentTokenView } from '../../../../protocol/api/enrollment-tokens.js';
import { API, call } from '../../api.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { useLoad } from '../../state/load.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { RelativeTime } from '../relative-time.js';
import { AdminSection } from './admin-section.js';
import { TokenDialog } from './token-dialog.js';

const STATE_WORDS: Record<EnrollmentTokenView['state'], [MessageKey, string]> = {
  active: ['admin.tokenActive', 'badge-active'],
  expired: ['admin.tokenExpired', 'badge-pending'],
  used_up: ['admin.tokenUsedUp', 'badge-pending'],
  revoked: ['admin.tokenRevoked', 'badge-revoked'],
};

export function TokensSection() {
  const { state, reload } = useLoad(() => call(API.enrollment.listTokens), []);
  const [making, setMaking] = useState(false);
  const [revoking, setRevoking] = useState<EnrollmentTokenView | null>(null);
  return (
    <AdminSection
      title={t('admin.enrollment')}
      intro={t('admin.tokensIntro')}
      action={
        <button type="button" class="button button-primary" onClick={() => setMaking(true)}>
          {t('admin.tokenMake')}
        </button>
      }
      state={state}
      reload={reload}
      empty={t('admin.tokensEmpty')}
      content={(data) => (
        <div class="table-scroll">
          <table class="table table-compact wrap-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.colToken')}</th>
                <th scope="col">{t('admin.colGroup')}</th>
                <th scope="col">{t('admin.colState')}</th>
                <th scope="col">{t('admin.colUses')}</th>
                <th scope="col">{t('admin.colApproval')}</th>
                <th scope="col">{t('admin.colExpires')}</th>
                <th scope="col">{t('admin.colCreatedBy')}</th>
                <th scope="col">{t('admin.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((token) => {
                const [word, badge] = STATE_WORDS[token.state];
                return (
                  <tr key={token.id} data-token={token.id}>
                    <td>
                      <code>{token.id}</code>
                    </td>
                    <td>{token.group}</td>
                    <td>
                      <span class={`badge ${badge}`}>{t(word)}</span>
                    </td>
                    <td>{t('admin.tokenUses', { uses: token.uses, max: token.maxUses })}</td>
                    <td>{t(token.approval ? 'admin.approvalRequired' : 'admin.approvalNone')}</td>
                    <td>
                      <RelativeTime iso={token.expiresAt} />
                    </td>
                    <td>{token.createdBy}</td>
                    <td class="cell-actions">
                      {token.state === 'active' && (
                        <button
                          type="button"
                          class="button button-small button-danger"
                          onClick={() => setRevoking(token)}
                        >
                          {t('admin.tokenRevoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    >
      {making && (
        <TokenDialog
          onClose={(made) => {
            setMaking(false);
            if (made) reload();
          }}
          onMade={reload}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={t('admin.tokenRevokeTitle')}
          question={t('admin.tokenRevokeConfirm', { id: revoking.id })}
          confirmLabel={t('admin.tokenRevoke')}
          onConfirm={() => call(API.enrollment.revokeToken, { params: { id: revoking.id } })}
          onClose={(revoked) => {
            setRevoking(null);
            if (revoked) reload();
          }}
        />
      )}
    </AdminSection>
  );
}
