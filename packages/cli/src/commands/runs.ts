// `batchc runs`: placeholder until the HealthOmics commands land.
import { CommandError, type Io } from "../io.js";

export async function runsCommand(_args: string[], _options: Record<string, unknown>, _io: Io): Promise<number> {
  throw new CommandError("`runs` is not available yet", 2);
}
