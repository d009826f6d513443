// The device's services (their state and how they start) and its local user accounts.
import type { InventoryData } from '../../../../protocol/messages/inventory.js';
import type { ServiceState } from '../../../../protocol/messages/inventory-items.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { Empty } from '../states.js';
import { Panel } from './facts.js';
import { FilteredList } from './filtered-list.js';

const STATES: Record<ServiceState['state'], MessageKey> = {
  running: 'inv.running',
  stopped: 'inv.stopped',
  other: 'inv.otherState',
};
const STARTUPS: Record<NonNullable<ServiceState['startup']>, MessageKey> = {
  auto: 'inv.auto',
  manual: 'inv.manual',
  disabled: 'inv.disabled',
};

export function ServicesTab(props: { inventory: Partial<InventoryData> }) {
  const services = props.inventory.services ?? [];
  const users = props.inventory.users?.local ?? [];
  return (
    <div class="panels panels-stacked">
      <Panel id="services" title={t('inv.services')} wide>
        {services.length === 0 ? (
          <Empty title={t('inv.noData')} />
        ) : (
          <FilteredList
            id="services"
            title={t('inv.services')}
            searchLabel={t('inv.searchServices')}
            items={services}
            text={(service) => `${service.name}\n${service.displayName ?? ''}\n${t(STATES[service.state])}`}
            keyOf={(service) => service.name}
            columns={[
              { label: t('inv.service'), cell: (service) => <span title={service.name}>{service.name}</span> },
              { label: t('inv.description'), cell: (service) => service.displayName ?? '—' },
              {
                label: t('inv.state'),
                cell: (service) => <span class={`service-${service.state}`}>{t(STATES[service.state])}</span>,
              },
              { label: t('inv.startup'), cell: (service) => (service.startup ? t(STARTUPS[service.startup]) : '—') },
            ]}
          />
        )}
      </Panel>
      <Panel id="users" title={t('inv.users')} wide>
        {users.length === 0 ? (
          <Empty title={t('inv.noData')} />
        ) : (
          <FilteredList
            id="users"
            title={t('inv.users')}
            searchLabel={t('inv.searchUsers')}
            items={users}
            text={(user) => `${user.name}\n${user.home}`}
            keyOf={(user) => user.name}
            columns={[
              { label: t('inv.userName'), cell: (user) => user.name },
              { label: t('inv.uid'), cell: (user) => user.uid ?? '—' },
              { label: t('inv.home'), cell: (user) => user.home || '—' },
              { label: t('inv.shell'), cell: (user) => user.shell || '—' },
            ]}
          />
        )}
      </Panel>
    </div>
  );
}
