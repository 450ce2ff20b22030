#include "pdf/exhibits.hpp"

// qpdf 11: use std::shared_ptr throughout, without PointerHolder (see qpdf/PointerHolder.hh).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <map>
#include <system_error>

namespace fiscgen::pdf {

struct OpenExhibits::Impl {
  struct Opened {
    const Exhibit* exhibit = nullptr;
    // Held open until the merge is written: libqpdf copies foreign stream data lazily.
    std::unique_ptr<QPDF> file;
    std::vector<QPDFPageObjectHelper> pages;
  };
  std::vector<Opened> opened;
};

OpenExhibits::OpenExhibits(const std::vector<Exhibit>& exhibits) : impl_(std::make_unique<Impl>()) {
  for (const auto& exhibit : exhibits) {
    const std::string name = exhibit.file.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(exhibit.file, ec))
      throw Error(
          exhibit.where,
          "the exhibit " + name + " " +
              (std::filesystem::exists(exhibit.file, ec) ? "is not a file" : "does not exist") +
              "; expected a PDF file (a path relative to the input)");
    Impl::Opened opened;
    opened.exhibit = &exhibit;
    opened.file = std::make_unique<QPDF>();
    try {
      opened.file->setSuppressWarnings(true);
      opened.file->processFile(name.c_str());
      // Pages inherit /MediaBox, /Resources and /Rotate from the page tree, which stays behind.
      opened.file->pushInheritedAttributesToPage();
      opened.pages = QPDFPageDocumentHelper(*opened.file).getAllPages();
    } catch (const std::exception& e) {
      throw Error(exhibit.where,
                  "the exhibit " + name + " cannot be read as a PDF: " + std::string(e.what()));
    }
    if (opened.pages.empty())
      throw Error(exhibit.where, "the exhibit " + name + " has no pages; expected a PDF to append");
    impl_->opened.push_back(std::move(opened));
  }
}

OpenExhibits::~OpenExhibits() = default;

bool OpenExhibits::empty() const {
  return impl_->opened.empty();
}

int OpenExhibits::page_count(std::size_t index) const {
  return static_cast<int>(impl_->opened.at(index).pages.size());
}

std::string OpenExhibits::append_to(const std::string& main) const {
  try {
    QPDF merged;
    merged.processMemoryFile("the document fiscgen wrote", main.data(), main.size());
    QPDFPageDocumentHelper document(merged);
    const auto main_pages = document.getAllPages();
    for (const auto& opened : impl_->opened) {
      const auto after = static_cast<std::size_t>(opened.exhibit->after_page);
      if (after >= main_pages.size())
        throw Error("PDF writer: the exhibit " + opened.exhibit->file.string() +
                    " goes after page " + std::to_string(after + 1) + " of " +
                    std::to_string(main_pages.size()));
      // Before the next main page (or at the end): exhibits after the same page keep their order.
      for (const auto& page : opened.pages) {
        if (after + 1 < main_pages.size())
          document.addPageAt(page, true, main_pages[after + 1]);
        else
          document.addPage(page, false);
      }
    }
    QPDFWriter writer(merged);
    writer.setOutputMemory();
    writer.setDeterministicID(true);  // the /ID from the content, so the same input, same bytes
    writer.setStreamDataMode(qpdf_s_compress);
    writer.write();
    const auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error("PDF writer: appending the exhibits failed: " + std::string(e.what()));
  }
}

}  // namespace fiscgen::pdf
