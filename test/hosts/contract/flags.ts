/**
 * The contract's flags: Plumbline's conditional formats, set (replacing a
 * flag of the same id), listed and removed, while the user's own conditional
 * formats and the cells themselves stay as they were. A host that cannot write
 * flags says so with `NotImplemented` and lists none.
 */
import type { FlagFormat, SpreadsheetHost } from '../../../src/hosts/host';

/** A conditional format as the host keeps it, seen without the port. */
export interface SeenFormat {
  address: string;
  formula: string;
  fill: string | null;
}

/** How a test makes and sees a user's own conditional formats, outside the port. */
export interface UserFormats {
  /** Adds a custom conditional format of the user's own (a rule formula with `=`, a fill). */
  add(host: SpreadsheetHost, sheet: string, format: SeenFormat): Promise<void>;
  /** Every conditional format on the sheet, Plumbline's and the user's. */
  list(host: SpreadsheetHost, sheet: string): Promise<SeenFormat[]>;
}

const TURNAROUND: FlagFormat = {
  id: 'PL_1',
  sheet: 'Ops KPIs',
  address: 'C5:N5',
  formula: 'C5<>_plumbline!C2',
  fill: '#FFC7CE',
  fontColor: '#9C0006',
};
const NOTE: FlagFormat = { id: 'PL_2', sheet: 'Notes', address: 'A1', formula: 'A1<>""', fill: '#FFEB9C' };
const USERS: SeenFormat = { address: 'C5:N11', formula: '=C5>100', fill: '#00FF00' };

const byId = (flags: FlagFormat[]) => [...flags].sort((a, b) => a.id.localeCompare(b.id));

export function runFlagContract(openOps: () => Promise<SpreadsheetHost>, userFormats?: UserFormats): void {
  describe('flags', () => {
    let ops: SpreadsheetHost;
    beforeEach(async () => {
      ops = await openOps();
    });

    if (!userFormats) {
      test('are refused with NotImplemented, and none are listed', async () => {
        await ops.replaceSheet('Scratch', { values: [['x']] });
        await expect(ops.setFlagFormats([{ ...NOTE, sheet: 'Scratch' }])).rejects.toMatchObject({
          code: 'NotImplemented',
        });
        await expect(ops.setFlagFormats([])).resolves.toBeUndefined();
        await expect(ops.removeFlagFormats(['PL_2'])).resolves.toBeUndefined();
        expect(await ops.listFlagFormats()).toEqual([]);
      });
      return;
    }

    test('none before the first is set', async () => {
      expect(await ops.listFlagFormats()).toEqual([]);
    });

    test("set, listed, replaced by id and removed; the user's formats and the cells stay", async () => {
      await userFormats.add(ops, 'Ops KPIs', USERS);
      const cells = async () => ops.readBlocks([{ sheet: 'Ops KPIs', address: 'A1:N11' }]);
      const before = await cells();

      await ops.setFlagFormats([TURNAROUND, NOTE]);
      expect(byId(await ops.listFlagFormats())).toEqual([TURNAROUND, NOTE]);

      const moved = { ...TURNAROUND, address: 'C6:N6', formula: 'C6<>_plumbline!C3' };
      const { fontColor: _, ...withoutFont } = moved;
      await ops.setFlagFormats([withoutFont]);
      expect(byId(await ops.listFlagFormats())).toEqual([withoutFont, NOTE]);

      await ops.removeFlagFormats(['PL_1', 'PL_2', 'PL_404']);
      expect(await ops.listFlagFormats()).toEqual([]);
      expect(await userFormats.list(ops, 'Ops KPIs')).toEqual([USERS]);
      expect(await cells()).toEqual(before);
    });

    test('the last flag of an id in one call wins', async () => {
      await ops.setFlagFormats([NOTE, { ...NOTE, address: 'A2' }]);
      expect(await ops.listFlagFormats()).toEqual([{ ...NOTE, address: 'A2' }]);
    });

    test('a flag on an unknown sheet is refused with ItemNotFound, and no flag is set', async () => {
      await expect(
        ops.setFlagFormats([NOTE, { ...TURNAROUND, sheet: 'No Such Sheet' }]),
      ).rejects.toMatchObject({
        code: 'ItemNotFound',
        message: expect.stringMatching(/No Such Sheet/),
      });
      expect(await ops.listFlagFormats()).toEqual([]);
    });
  });
}
