// `stagemig fmt`: canonical order and style for plan YAML files, comments kept.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.
export { formatPlanYaml, type FormatResult } from './format-yaml.js';
export { planKeyOrder, type KeyOrder } from './key-order.js';
