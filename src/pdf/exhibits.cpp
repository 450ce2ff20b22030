// Exhibits through libqpdf's C API, loaded with dlopen the first time a document has exhibits.
// Linked at start-up, libqpdf brought eight more libraries (GnuTLS, Nettle, Hogweed, GMP,
// p11-kit, libidn2, libunistring, libtasn1) into every process, and their loading and
// relocation into every render, though few documents have exhibits. The C API, not the C++
// one, because a C function is found by name with dlsym; it calls the same QPDF and
// QPDFWriter methods, so the merged bytes are the same.

#include "pdf/exhibits.hpp"

#include <dlfcn.h>
#include <qpdf/qpdf-c.h>

#include <mutex>
#include <system_error>

namespace fiscgen::pdf {
namespace {

/// The functions of libqpdf's C API this file calls, found once per process.
struct Qpdf {
// Laid out by hand: clang-format cannot settle on a layout for this list, and flips between two.
// clang-format off
#define FISCGEN_QPDF_FUNCTIONS(X) \
  X(qpdf_init) \
  X(qpdf_cleanup) \
  X(qpdf_get_error) \
  X(qpdf_get_error_full_text) \
  X(qpdf_set_suppress_warnings) \
  X(qpdf_read_memory) \
  X(qpdf_push_inherited_attributes_to_page) \
  X(qpdf_get_num_pages) \
  X(qpdf_get_page_n) \
  X(qpdf_add_page) \
  X(qpdf_add_page_at) \
  X(qpdf_init_write_memory) \
  X(qpdf_set_deterministic_ID) \
  X(qpdf_set_stream_data_mode) \
  X(qpdf_write) \
  X(qpdf_get_buffer_length) \
  X(qpdf_get_buffer)
// clang-format on
// NOLINTNEXTLINE(bugprone-macro-parentheses): `name` is a declarator, which takes none
#define FISCGEN_QPDF_MEMBER(name) decltype(&::name) name = nullptr;
  FISCGEN_QPDF_FUNCTIONS(FISCGEN_QPDF_MEMBER)
#undef FISCGEN_QPDF_MEMBER
  std::string error;  // why it could not be loaded; empty when it was
};

const Qpdf& qpdf() {
  static Qpdf api;
  static std::once_flag loaded;
  std::call_once(loaded, [] {
    // FISCGEN_QPDF_SONAME: the library's soname, found by CMake where it found the headers.
    void* library = ::dlopen(FISCGEN_QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
      const char* why = ::dlerror();
      api.error = why ? why : FISCGEN_QPDF_SONAME " cannot be loaded";
      return;
    }
#define FISCGEN_QPDF_FIND(name)                                            \
  api.name = reinterpret_cast<decltype(&::name)>(::dlsym(library, #name)); \
  if (!api.name && api.error.empty()) api.error = FISCGEN_QPDF_SONAME " has no " #name;
    FISCGEN_QPDF_FUNCTIONS(FISCGEN_QPDF_FIND)
#undef FISCGEN_QPDF_FIND
    // The library stays loaded for the process: handles made from it may live that long.
  });
  return api;
}

/// One qpdf_data, cleaned up however its owner ends.
class Handle {
 public:
  explicit Handle(const Qpdf& api) : api_(api), data_(api.qpdf_init()) {}
  ~Handle() { api_.qpdf_cleanup(&data_); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  qpdf_data get() const { return data_; }
  /// libqpdf's message for its last error, after a call reported one.
  std::string error() const {
    const qpdf_error error = api_.qpdf_get_error(data_);
    return error ? api_.qpdf_get_error_full_text(data_, error) : "an unknown error";
  }

 private:
  const Qpdf& api_;
  qpdf_data data_;
};

bool failed(QPDF_ERROR_CODE status) {
  return (status & QPDF_ERRORS) != 0;
}

}  // namespace

struct OpenExhibits::Impl {
  struct Opened {
    const Exhibit* exhibit = nullptr;
    // Held open until the merge is written: libqpdf copies foreign stream data lazily.
    std::unique_ptr<Handle> file;
    int pages = 0;
  };
  std::vector<Opened> opened;
};

OpenExhibits::OpenExhibits(const std::vector<Exhibit>& exhibits) : impl_(std::make_unique<Impl>()) {
  for (const auto& exhibit : exhibits) {
    const std::string name = exhibit.file.string();
    const Qpdf& api = qpdf();
    if (!api.error.empty())
      throw Error(exhibit.where, "exhibits need libqpdf, which cannot be loaded: " + api.error +
                                     "; install it (scripts/install-deps) or leave out the "
                                     "<exhibit>s");
    Impl::Opened opened;
    opened.exhibit = &exhibit;
    opened.file = std::make_unique<Handle>(api);
    const qpdf_data data = opened.file->get();
    api.qpdf_set_suppress_warnings(data, QPDF_TRUE);
    // Pages inherit /MediaBox, /Resources and /Rotate from the page tree, which stays behind.
    // From the bytes Sources read and recorded, so the file a batch key names is the one
    // appended, even if it changes on disk meanwhile.
    if (failed(api.qpdf_read_memory(data, name.c_str(), exhibit.bytes.data(), exhibit.bytes.size(),
                                    nullptr)) ||
        failed(api.qpdf_push_inherited_attributes_to_page(data)) ||
        (opened.pages = api.qpdf_get_num_pages(data)) < 0)
      throw Error(exhibit.where,
                  "the exhibit " + name + " cannot be read as a PDF: " + opened.file->error());
    if (opened.pages == 0)
      throw Error(exhibit.where, "the exhibit " + name + " has no pages; expected a PDF to append");
    impl_->opened.push_back(std::move(opened));
  }
}

OpenExhibits::~OpenExhibits() = default;

bool OpenExhibits::empty() const {
  return impl_->opened.empty();
}

int OpenExhibits::page_count(std::size_t index) const {
  return impl_->opened.at(index).pages;
}

std::string OpenExhibits::append_to(const std::string& main) const {
  const Qpdf& api = qpdf();
  const Handle merged(api);
  const qpdf_data data = merged.get();
  const auto fail = [&merged](const std::string& doing) {
    return Error("PDF writer: appending the exhibits failed: " + doing + ": " + merged.error());
  };
  if (failed(api.qpdf_read_memory(data, "the document fiscgen wrote", main.data(), main.size(),
                                  nullptr)))
    throw fail("reading the document");
  const int main_pages = api.qpdf_get_num_pages(data);
  if (main_pages < 0) throw fail("counting its pages");
  std::vector<qpdf_oh> main_page;  // taken before any exhibit moves their places
  for (int i = 0; i < main_pages; ++i)
    main_page.push_back(api.qpdf_get_page_n(data, static_cast<std::size_t>(i)));
  for (const auto& opened : impl_->opened) {
    const auto after = static_cast<std::size_t>(opened.exhibit->after_page);
    if (after >= main_page.size())
      throw Error("PDF writer: the exhibit " + opened.exhibit->file.string() + " goes after page " +
                  std::to_string(after + 1) + " of " + std::to_string(main_page.size()));
    // Before the next main page (or at the end): exhibits after the same page keep their order.
    const qpdf_data from = opened.file->get();
    for (int i = 0; i < opened.pages; ++i) {
      const qpdf_oh page = api.qpdf_get_page_n(from, static_cast<std::size_t>(i));
      const QPDF_ERROR_CODE status =
          after + 1 < main_page.size()
              ? api.qpdf_add_page_at(data, from, page, QPDF_TRUE, main_page[after + 1])
              : api.qpdf_add_page(data, from, page, QPDF_FALSE);
      if (failed(status)) throw fail("adding page " + std::to_string(i + 1) + " of an exhibit");
    }
  }
  if (failed(api.qpdf_init_write_memory(data))) throw fail("preparing to write");
  api.qpdf_set_deterministic_ID(data, QPDF_TRUE);  // the /ID from the content: same input, bytes
  api.qpdf_set_stream_data_mode(data, qpdf_s_compress);
  if (failed(api.qpdf_write(data))) throw fail("writing");
  return std::string(reinterpret_cast<const char*>(api.qpdf_get_buffer(data)),
                     api.qpdf_get_buffer_length(data));
}

}  // namespace fiscgen::pdf
