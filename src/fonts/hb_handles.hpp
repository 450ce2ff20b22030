// unique_ptr types for HarfBuzz handles, so no path out of a function leaks one. Internal to
// fonts/.
#pragma once

#include <hb.h>

#include <memory>

namespace fiscgen::fonts::detail {

template <typename T, void (*destroy)(T*)>
struct HbDeleter {
  void operator()(T* p) const { destroy(p); }
};
using BlobPtr = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;
using FacePtr = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using FontPtr = std::unique_ptr<hb_font_t, HbDeleter<hb_font_t, hb_font_destroy>>;
using BufferPtr = std::unique_ptr<hb_buffer_t, HbDeleter<hb_buffer_t, hb_buffer_destroy>>;
using SetPtr = std::unique_ptr<hb_set_t, HbDeleter<hb_set_t, hb_set_destroy>>;
using PlanPtr = std::unique_ptr<hb_shape_plan_t, HbDeleter<hb_shape_plan_t, hb_shape_plan_destroy>>;

}  // namespace fiscgen::fonts::detail
