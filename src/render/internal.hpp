// Internal to render/: the pipeline's halves, for commands that put something between them.
#pragma once

#include "render/render.hpp"

namespace fiscgen::render::detail {

/// A document merged as render() merges it (template, citations, typographic quotes, the
/// public version's redactions), with the counts a certificate states filled in.
struct Prepared {
  doc::Document document;
  rules::Profile profile;
};
Prepared prepare(const Request& request, Sources& sources, fonts::FontResolver& resolver,
                 Warnings& warnings);

/// Lays `document` out under `profile` and writes it to request.output, as render() does
/// (exhibits from request's folders, errors located in request.input). Returns the file's
/// pages.
int write_document(const doc::Document& document, const rules::Profile& profile,
                   const Request& request, Sources& sources, fonts::FontResolver& resolver,
                   Warnings& warnings);

}  // namespace fiscgen::render::detail
