import type { FunctionName } from '../../types'
import { main as directory } from '../../cloudfunctions/directory/index'
import type { FunctionMain } from './function-host'

/** Every deployable function's entry, as CloudBase would load it from its bundle. */
export const functionMains: Record<FunctionName, FunctionMain> = { directory }
