// The device's hardware as its agent last reported it: system, processor, memory, disks,
// file systems, graphics, battery and firmware.
import type { InventoryData } from '../../../../protocol/messages/inventory.js';
import { formatBytes } from '../../i18n/bytes.js';
import { t } from '../../i18n/index.js';
import { Empty } from '../states.js';
import { Fact, Facts, Panel } from './facts.js';

export function HardwareTab(props: { inventory: Partial<InventoryData> }) {
  const { system, cpu, memory, disks, filesystems, graphics, battery, bios } = props.inventory;
  if (!system && !cpu && !memory) return <Empty title={t('inv.noInventory')} />;
  return (
    <div class="panels">
      <Panel id="system" title={t('inv.system')}>
        <Facts>
          <Fact label={t('inv.manufacturer')}>{system?.manufacturer}</Fact>
          <Fact label={t('inv.model')}>{system?.model}</Fact>
          <Fact label={t('inv.serial')}>{system?.serial}</Fact>
          <Fact label={t('inv.virtual')}>{system ? t(system.virtual ? 'inv.yes' : 'inv.no') : null}</Fact>
          <Fact label={t('inv.bios')}>{bios ? `${bios.vendor} ${bios.version}`.trim() : null}</Fact>
        </Facts>
      </Panel>
      <Panel id="cpu" title={t('inv.cpu')}>
        <Facts>
          <Fact label={t('inv.model')}>{cpu ? `${cpu.manufacturer} ${cpu.brand}`.trim() : null}</Fact>
          <Fact label={t('inv.cores')}>
            {cpu ? t('inv.coresValue', { cores: cpu.cores, physical: cpu.physicalCores }) : null}
          </Fact>
          <Fact label={t('inv.speed')}>{cpu?.speedGHz ? t('inv.ghz', { value: cpu.speedGHz }) : null}</Fact>
        </Facts>
      </Panel>
      <Panel id="memory" title={t('inv.memory')}>
        <Facts>
          <Fact label={t('inv.total')}>{memory ? formatBytes(memory.total) : null}</Fact>
          <Fact label={t('inv.swap')}>{memory ? formatBytes(memory.swapTotal) : null}</Fact>
          <Fact label={t('inv.modules')}>
            {memory?.modules.length
              ? memory.modules.map((module) => `${formatBytes(module.size)} ${module.type}`.trim()).join(', ')
              : null}
          </Fact>
        </Facts>
      </Panel>
      <Panel id="disks" title={t('inv.disks')} wide>
        <table class="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('inv.disk')}</th>
              <th scope="col">{t('inv.type')}</th>
              <th scope="col" class="cell-numeric">
                {t('inv.size')}
              </th>
              <th scope="col">{t('inv.smart')}</th>
            </tr>
          </thead>
          <tbody>
            {(disks ?? []).map((disk) => (
              <tr key={disk.device}>
                <td>{[disk.name, disk.device].filter(Boolean).join(' · ')}</td>
                <td>{[disk.type, disk.interfaceType].filter(Boolean).join(' ')}</td>
                <td class="cell-numeric">{formatBytes(disk.size)}</td>
                <td>{disk.smartStatus || '—'}</td>
              </tr>
            ))}
            {(filesystems ?? []).map((fs) => (
              <tr key={fs.mount}>
                <td>
                  <code>{fs.mount}</code>
                </td>
                <td>{fs.type}</td>
                <td class="cell-numeric">{formatBytes(fs.size)}</td>
                <td class="muted">{fs.fs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel id="graphics" title={t('inv.graphics')}>
        <Facts>
          {(graphics?.controllers ?? []).map((controller, index) => (
            <Fact key={`c${index}`} label={t('inv.adapter')}>
              {`${controller.vendor} ${controller.model}`.trim()}
            </Fact>
          ))}
          {(graphics?.displays ?? []).map((display, index) => (
            <Fact key={`d${index}`} label={t('inv.display')}>
              {[
                `${display.vendor} ${display.model}`.trim(),
                display.resolutionX && `${display.resolutionX}×${display.resolutionY}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Fact>
          ))}
        </Facts>
      </Panel>
      {battery && (
        <Panel id="battery" title={t('inv.battery')}>
          <Facts>
            <Fact label={t('inv.model')}>{`${battery.manufacturer} ${battery.model}`.trim()}</Fact>
            <Fact label={t('inv.capacity')}>
              {t('inv.capacityValue', {
                max: battery.maxCapacity,
                designed: battery.designedCapacity,
                unit: battery.capacityUnit,
              })}
            </Fact>
            <Fact label={t('inv.cycles')}>{String(battery.cycleCount)}</Fact>
          </Facts>
        </Panel>
      )}
    </div>
  );
}
