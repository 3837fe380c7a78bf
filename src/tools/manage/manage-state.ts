// The Manage tab's slice: nothing in the URL (what a staff member edits stays on their device until published).
import type { ToolSlice } from '../../ui/tool-contract';

export type ManageState = Readonly<Record<string, never>>;

export const MANAGE_INITIAL: ManageState = Object.freeze({});

export const manageSlice: ToolSlice<ManageState> = {
  initial: MANAGE_INITIAL,
  urlKeys: [],
  fromUrl: (_params, current) => current,
  toUrl: () => [],
};
