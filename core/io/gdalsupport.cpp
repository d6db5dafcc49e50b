#include "io/gdalsupport.h"

#include <cpl_error.h>
#include <gdal.h>

namespace sv {
namespace {
void collectError(CPLErr level, CPLErrorNum, const char* message) {
  if (level < CE_Warning) return;
  auto* collector = static_cast<std::vector<std::string>*>(CPLGetErrorHandlerUserData());
  if (collector && message) collector->emplace_back(message);
}
} // namespace

void registerGdalDrivers() { GDALAllRegister(); }

GdalErrorCollector::GdalErrorCollector() { CPLPushErrorHandlerEx(collectError, &m_messages); }

GdalErrorCollector::~GdalErrorCollector() { CPLPopErrorHandler(); }

std::string GdalErrorCollector::summary() const {
  std::string out;
  for (const auto& message : m_messages) {
    if (!out.empty()) out += "; ";
    out += message;
  }
  return out;
}

} // namespace sv
