// Notification channels: every subscription (a user's or a team's e-mail, or a webhook) with its
// events and filters; adding one, pausing or resuming it, deleting it, and "Send test", which
// sends one message through the channel now and shows what the channel answered.
import { useState } from 'preact/hooks';
import type { SubscriptionView, TestDeliveryResult } from '../../../../protocol/api/notifications.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { useLoad } from '../../state/load.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { describeError } from '../states.js';
import { AdminSection } from './admin-section.js';
import { eventKindLabel, SubscriptionDialog } from './subscription-dialog.js';

export function NotificationsSection() {
  const { state, reload } = useLoad(() => call(API.notifications.listSubscriptions), []);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<SubscriptionView | null>(null);
  return (
    <AdminSection
      title={t('admin.notifications')}
      intro={t('admin.notificationsIntro')}
      action={
        <button type="button" class="button button-primary" onClick={() => setAdding(true)}>
          {t('admin.subscriptionAdd')}
        </button>
      }
      state={state}
      reload={reload}
      empty={t('admin.subscriptionsEmpty')}
      content={(data) => (
        <div class="table-scroll">
          <table class="table table-compact wrap-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.colChannel')}</th>
                <th scope="col">{t('admin.colSubscriber')}</th>
                <th scope="col">{t('admin.colEvents')}</th>
                <th scope="col">{t('admin.colState')}</th>
                <th scope="col">{t('admin.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((subscription) => (
                <SubscriptionRow
                  key={subscription.id}
                  subscription={subscription}
                  onChanged={reload}
                  onDelete={setDeleting}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    >
      {adding && (
        <SubscriptionDialog
          onClose={(added) => {
            setAdding(false);
            if (added) reload();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('admin.subscriptionDeleteTitle')}
          question={t('admin.subscriptionDeleteConfirm', { target: deleting.target ?? deleting.user ?? '' })}
          confirmLabel={t('admin.subscriptionDelete')}
          onConfirm={() => call(API.notifications.deleteSubscription, { params: { id: deleting.id } })}
          onClose={(deleted) => {
            setDeleting(null);
            if (deleted) reload();
          }}
        />
      )}
    </AdminSection>
  );
}

function SubscriptionRow(props: {
  subscription: SubscriptionView;
  onChanged: () => void;
  onDelete: (subscription: SubscriptionView) => void;
}) {
  const { subscription } = props;
  const [busy, setBusy] = useState<'test' | 'toggle' | null>(null);
  const [result, setResult] = useState<TestDeliveryResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: 'test' | 'toggle') => {
    setBusy(what);
    setError(null);
    setResult(null);
    try {
      if (what === 'test') {
        setResult(await call(API.notifications.testSubscription, { params: { id: subscription.id } }));
      } else {
        const body = { enabled: !subscription.enabled };
        await call(API.notifications.updateSubscription, { params: { id: subscription.id }, body });
        props.onChanged();
      }
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(null);
    }
  };
  const filters = [
    subscription.deviceGroup && t('admin.filterGroup', { group: subscription.deviceGroup }),
    subscription.line && t('admin.filterLine', { line: subscription.line }),
    subscription.assignedOnly && t('admin.filterAssigned'),
  ].filter(Boolean);
  return (
    <tr data-subscription={subscription.id}>
      <td>
        <div class="cell-name">
          {t(subscription.channel === 'email' ? 'admin.channelEmail' : 'admin.channelWebhook')}
        </div>
        <div class="cell-secondary cell-break">{subscription.target ?? t('admin.targetOwnAddress')}</div>
      </td>
      <td>{subscription.user ?? t('admin.subscriberTeam')}</td>
      <td>
        {subscription.kinds.map(eventKindLabel).join(', ')}
        {filters.length > 0 && <div class="cell-secondary">{filters.join(' · ')}</div>}
      </td>
      <td>
        <span class={`badge ${subscription.enabled ? 'badge-active' : 'badge-pending'}`}>
          {t(subscription.enabled ? 'admin.subscriptionOn' : 'admin.subscriptionPaused')}
        </span>
      </td>
      <td class="cell-actions">
        <button type="button" class="button button-small" disabled={busy !== null} onClick={() => void run('test')}>
          {busy === 'test' ? t('admin.testSending') : t('admin.testSend')}
        </button>{' '}
        <button type="button" class="button button-small" disabled={busy !== null} onClick={() => void run('toggle')}>
          {t(subscription.enabled ? 'admin.subscriptionPause' : 'admin.subscriptionResume')}
        </button>{' '}
        <button type="button" class="button button-small button-danger" onClick={() => props.onDelete(subscription)}>
          {t('admin.subscriptionDelete')}
        </button>
        <p class={`test-result${result && !result.ok ? ' test-result-failed' : ''}`} role="status">
          {result?.ok && t('admin.testSent', { target: result.target ?? '' })}
          {result && !result.ok && t('admin.testFailed', { error: result.error ?? '' })}
        </p>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
