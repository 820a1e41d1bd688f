// `stagemig fmt`: canonical order and style for plan YAML files, comments kept.
export { formatPlanYaml, type FormatResult } from './format-yaml.js';
export { planKeyOrder, type KeyOrder } from './key-order.js';
