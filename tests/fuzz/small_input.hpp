// The small input the --set and CSV-header targets change: elements, attributes, repeated
// names, mixed content and a comment, a few levels deep.
#pragma once

namespace fuzz_support {

inline constexpr const char* small_input =
    "<motion form=\"fisc/motion\" locale=\"en_US\">\n"
    "  <docket>13-01</docket>\n"
    "  <parties><party role=\"movant\">A</party><party>B</party></parties>\n"
    "  <!-- a comment -->\n"
    "  <body><p>x</p><p>y <em>z</em></p></body>\n"
    "  <signature><attorney><name>C</name></attorney></signature>\n"
    "</motion>\n";

}  // namespace fuzz_support
