/**
 * Liberia's entry of `libphonenumber-js/metadata.mobile.json` (same version, same entry), fed to
 * `libphonenumber-js/core`. The package's own mobile build carries every country, several times the
 * size of a whole frame; only Liberia matters here. test/liberian-mobile.test.ts fails when an upgraded
 * package has different LR data, and says to paste the new entry.
 */
import type { MetadataJson } from 'libphonenumber-js/core';

export const LR_MOBILE_METADATA = {"version": 4, "country_calling_codes": {"231": ["LR"]}, "countries": {"LR": ["231", "00", "(?:[2457]\\d|33|88)\\d{7}|(?:2\\d|[4-6])\\d{6}", [7, 8, 9], [["(\\d)(\\d{3})(\\d{3})", "$1 $2 $3", ["4[67]|[56]"], "0$1"], ["(\\d{2})(\\d{3})(\\d{3})", "$1 $2 $3", ["2"], "0$1"], ["(\\d{2})(\\d{3})(\\d{4})", "$1 $2 $3", ["[2-578]"], "0$1"]], "0", 0, 0, 0, 0, 0, [0, ["(?:(?:(?:22|33)0|555|7(?:6[01]|7\\d)|88\\d)\\d|4(?:240|[67]))\\d{5}|[56]\\d{6}", [7, 9]]]]}, "nonGeographic": {}} as unknown as MetadataJson;
