import { describe, expect, it } from 'vitest';
import { describeChange } from '../../protocol/api/inventory.js';
import { diffSection } from '../../server/features/inventory/diff.js';

const pkg = (name: string, version: string) => ({
  name,
  version,
  publisher: null,
  source: 'dpkg',
  installedAt: null,
  arch: 'amd64',
});

describe('inventory diff', () => {
  it('reports a changed field of an object section, with sizes for people', () => {
    const changes = diffSection(
      'memory',
      { total: 16 * 1024 ** 3, swapTotal: 0, modules: [] },
      { total: 8 * 1024 ** 3, swapTotal: 0, modules: [] },
    );
    expect(changes).toEqual([
      {
        section: 'memory',
        kind: 'changed',
        item: null,
        field: 'total',
        oldValue: String(16 * 1024 ** 3),
        newValue: String(8 * 1024 ** 3),
      },
    ]);
    expect(describeChange(changes[0]!)).toBe('memory total: 16 GB → 8 GB');
  });

  it('reports packages installed, removed and upgraded', () => {
    const changes = diffSection(
      'software',
      [pkg('bash', '5.2'), pkg('firefox', '128.0')],
      [pkg('firefox', '129.0'), pkg('vim', '9.0')],
    );
    expect(changes.map(describeChange).sort()).toEqual([
      'software bash (dpkg, amd64): removed (was 5.2)',
      'software firefox (dpkg, amd64) version: 128.0 → 129.0',
      'software vim (dpkg, amd64): installed 9.0',
    ]);
  });

  it('reports a disk whose SMART status changed', () => {
    const disk = (smartStatus: string) => ({
      device: '/dev/sda',
      type: 'SSD',
      name: 'X',
      vendor: 'Y',
      size: 1,
      serial: 's',
      interfaceType: 'SATA',
      smartStatus,
    });
    expect(diffSection('disks', [disk('Ok')], [disk('FAILING')]).map(describeChange)).toEqual([
      'disks /dev/sda smartStatus: Ok → FAILING',
    ]);
  });

  it('reports items of lists nested in a section, and a battery that appeared', () => {
    const module = (bank: string, size: number) => ({
      size,
      type: 'DDR4',
      clockSpeed: 3200,
      formFactor: 'SODIMM',
      manufacturer: 'M',
      partNum: 'P',
      serialNum: bank,
      bank,
    });
    const changes = diffSection(
      'memory',
      { total: 2, swapTotal: 0, modules: [module('A', 1), module('B', 1)] },
      { total: 1, swapTotal: 0, modules: [module('A', 1)] },
    );
    expect(changes.map((change) => [change.kind, change.field, change.item])).toEqual([
      ['changed', 'total', null],
      ['removed', 'modules', 'B B'],
    ]);
    expect(
      diffSection('battery', null, {
        manufacturer: 'x',
        model: 'y',
        designedCapacity: 50,
        maxCapacity: 40,
        capacityUnit: 'Wh',
        cycleCount: 3,
      })[0]!.kind,
    ).toBe('added');
  });

  it('finds nothing when only key order differs', () => {
    expect(diffSection('cpu', { brand: 'x', cores: 2 }, { cores: 2, brand: 'x' })).toEqual([]);
  });
});
