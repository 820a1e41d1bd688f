// Counted nouns, the one helper: "1 mailbox", "2,000 mailboxes", "3 batches".

/** `n` with thousands separators and the noun in the right number (`many` defaults to `one` + "s"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
