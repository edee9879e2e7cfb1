// `batchc cancel`: placeholder until the HealthOmics commands land.
import { CommandError, type Io } from "../io.js";

export async function cancelCommand(_args: string[], _options: Record<string, unknown>, _io: Io): Promise<number> {
  throw new CommandError("`cancel` is not available yet", 2);
}
