/**
 * An IP address as the string of its bits (DuckDB SQL), so that "is this address in that CIDR range" is a prefix test
 * that works the same for IPv4 (32 bits) and IPv6 (128 bits, `::` expanded). NULL for anything that is not an
 * address of either family: an IPv6 address with an embedded IPv4 part, a zone index, a bad octet or hextet.
 */
function ipv4BitsSql(x: string): string {
  const bits = `array_to_string(list_transform(string_split(${x}, '.'), lambda o: lpad(bin(TRY_CAST(o AS UTINYINT)), 8, '0')), '')`;
  return `CASE WHEN regexp_full_match(${x}, '[0-9]{1,3}(\\.[0-9]{1,3}){3}') AND length(${bits}) = 32 THEN ${bits} END`;
}

function hextetsSql(part: string): string {
  return `CASE WHEN ${part} = '' THEN []::VARCHAR[] ELSE string_split(${part}, ':') END`;
}

function ipv6BitsSql(x: string): string {
  const head = hextetsSql(`split_part(${x}, '::', 1)`);
  const tail = hextetsSql(`split_part(${x}, '::', 2)`);
  const hextets = `CASE WHEN contains(${x}, '::') THEN list_concat(${head}, list_resize([]::VARCHAR[], 8 - len(${head}) - len(${tail}), '0'), ${tail}) ELSE string_split(${x}, ':') END`;
  const bits = `array_to_string(list_transform(${hextets}, lambda h: CASE WHEN regexp_full_match(h, '[0-9a-f]{1,4}') THEN lpad(bin(TRY_CAST('0x' || h AS USMALLINT)), 16, '0') END), '')`;
  return `CASE WHEN regexp_full_match(${x}, '[0-9a-f:]+') AND length(${x}) - length(replace(${x}, '::', '')) <= 2 AND length(${bits}) = 128 THEN ${bits} END`;
}

/** `expr`: a VARCHAR address, any case and surrounding space. */
export function ipBitsSql(expr: string): string {
  const x = `lower(trim(${expr}))`;
  return `(SELECT CASE WHEN contains(a, ':') THEN ${ipv6BitsSql('a')} ELSE ${ipv4BitsSql('a')} END FROM (SELECT ${x} AS a))`;
}
