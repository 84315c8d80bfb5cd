#pragma once
// Private to app: an HTML page printed to PDF by headless Chromium (its print-to-PDF, the page's own print
// stylesheet deciding the paper). The browser is looked for at run time: $KIZUNA_CHROMIUM when set (a
// path or a name on PATH; set empty, none), else chromium, chromium-browser, google-chrome on PATH.
#include <string>

namespace kizuna::app {

// The PDF's bytes. Throws AppError (Usage) naming the Debian package chromium when no browser is found;
// AppError (Internal) when the browser fails or takes longer than a minute.
[[nodiscard]] std::string print_pdf(const std::string& html);

}  // namespace kizuna::app
