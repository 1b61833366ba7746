// The disposal screens' own judgements, without a window: which actions a device's page still offers as
// disposal takes the device, and which words of the cover letter are saved rather than left to the defaults.
import { describe, expect, it } from 'vitest';
import { deviceDisposal, disposedMedium, settingsToSave, type BatchView, type ProposalView } from '../../renderer/screens/disposal/disposal-view.ts';

function proposal(state: 'open' | 'withdrawn'): ProposalView {
  return {
    id: `p-${state}`,
    asset_id: 'a1',
    tag: 'MAJI/ICT/2026/0002',
    reason: 'obsolete',
    route: 'destruction',
    note: 'Imechakaa',
    state,
    proposed_by: 'u1',
    proposed_by_name: 'Juma Ally',
    proposed_at: '2026-11-20T08:00:00.000Z',
    withdraw_reason: state === 'withdrawn' ? 'Itatumika tena' : '',
    created_at: '2026-11-20T08:00:00.000Z',
    updated_at: '2026-11-20T08:00:00.000Z',
  };
}

describe('a device page’s disposal actions', () => {
  it('offers a proposal for a device in service with no open proposal, once the proposals are read', () => {
    expect(deviceDisposal({ status: 'in_service', disposal_batch_id: null }, [])).toEqual({ history: false, inBatch: false, proposable: true, proposal: null });
    expect(deviceDisposal({ status: 'in_service', disposal_batch_id: null }, [proposal('withdrawn')]).proposable).toBe(true);
    expect(deviceDisposal({ status: 'in_service', disposal_batch_id: null }, undefined).proposable).toBe(false);
  });

  it('shows the open proposal instead of offering another', () => {
    const open = proposal('open');
    expect(deviceDisposal({ status: 'awaiting_disposal', disposal_batch_id: null }, [proposal('withdrawn'), open])).toEqual({ history: false, inBatch: false, proposable: false, proposal: open });
  });

  it('holds back repairs and proposals while a batch holds the device', () => {
    expect(deviceDisposal({ status: 'in_disposal', disposal_batch_id: 'b1' }, [])).toMatchObject({ history: false, inBatch: true, proposable: false });
  });

  it('makes a disposed device read-only history', () => {
    expect(deviceDisposal({ status: 'disposed', disposal_batch_id: 'b1' }, [])).toMatchObject({ history: true, inBatch: false, proposable: false });
  });

  it('offers no proposal for a device handed to another institution or reported lost', () => {
    for (const status of ['transferred', 'lost']) {
      expect(deviceDisposal({ status, disposal_batch_id: null }, [])).toMatchObject({ history: false, inBatch: false, proposable: false });
    }
  });
});

describe('a disposed device’s storage media', () => {
  const record = (category: string) => ({
    category,
    method: category === 'purge' ? 'crypto_erase' : null,
    tool: '',
    tool_version: '',
    verification: null,
    performed_by: null,
    verified_by: null,
    confidentiality_before: 'confidential',
    confidentiality_after: null,
    report: null,
    notes: '',
    recorded_by_name: 'Mwanaidi Kombo',
  });
  const line = (mediumId: string, category: string) => ({ line_id: `l-${mediumId}`, asset_id: 'a1', medium_id: mediumId, kind: 'ssd', capacity_gb: 512, serial: `S4EV-${mediumId}`, sanitisation: record(category) });
  const batch = { media: [line('ssd', 'purge'), line('hdd', 'not_sanitised_to_be_destroyed_by_department'), line('old', 'destroy')] } as unknown as Pick<BatchView, 'media'>;

  it('shows each medium as its batch recorded it, not as installed', () => {
    expect(disposedMedium(batch, 'ssd')).toEqual({ state: 'sanitised', category: 'purge' });
    expect(disposedMedium(batch, 'hdd')).toEqual({ state: 'to-department', category: 'not_sanitised_to_be_destroyed_by_department' });
    expect(disposedMedium(batch, 'old')).toEqual({ state: 'destroyed', category: 'destroy' });
  });

  it('leaves a medium the batch does not name as the register knows it', () => {
    expect(disposedMedium(batch, 'taken-out-before')).toBeNull();
    expect(disposedMedium(null, 'ssd')).toBeNull();
  });
});

describe('the cover letter’s words as saved', () => {
  const defaults = { addressee: 'Mkurugenzi', subject_sw: 'Kuwasilisha kundi Na. {{number}}', signatory_title: 'Katibu Mkuu' };

  it('saves a field left as its default blank, so the catalogue’s wording keeps applying', () => {
    expect(settingsToSave({ addressee: 'Mkurugenzi', subject_sw: 'Kuwasilisha kundi Na. {{number}} ', signatory_title: 'Katibu Mkuu' }, defaults)).toEqual({ addressee: '', subject_sw: '', signatory_title: '' });
  });

  it('keeps what the institution wrote', () => {
    expect(settingsToSave({ addressee: 'Mkurugenzi wa Idara', subject_sw: 'Somo letu {{number}}', signatory_title: 'Katibu Mkuu' }, defaults)).toEqual({
      addressee: 'Mkurugenzi wa Idara',
      subject_sw: 'Somo letu {{number}}',
      signatory_title: '',
    });
  });

  it('treats the default of either language as a default', () => {
    expect(settingsToSave({ addressee: 'The Director' }, defaults, { addressee: ['Mkurugenzi', 'The Director'] }).addressee).toBe('');
  });

  it('saves a field the form left out blank', () => {
    expect(settingsToSave({}, defaults)).toEqual({ addressee: '', subject_sw: '', signatory_title: '' });
  });
});
