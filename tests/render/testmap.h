#pragma once

#include "geo/projection.h"
#include "render/basemap.h"
#include "render/maprenderer.h"

#include <QSize>

#include <memory>

namespace sv::test {

// The bundled base map, projected for display, built once per test binary.
const std::shared_ptr<const BaseMap>& bundledBaseMap();
const Projection& displayProjection();
// The index of the best gazetteer match for `name` among the projected places.
const ProjectedPlace& projectedPlace(const BaseMap& map, const char* name);

// The whole-Mali view at `size`, as the window and `export` open it.
MapSettings maliView(QSize size, qreal devicePixelRatio = 1.0);
// A complete render request for `settings` on the bundled base map.
RenderRequest requestFor(const MapSettings& settings);

// The bundled incident dataset, projected for display, built once per test binary.
const std::shared_ptr<const IncidentLayerData>& bundledIncidents();
// Incidents made up for a test, projected for display.
std::shared_ptr<const IncidentLayerData> incidentLayer(std::vector<Incident> incidents);
// An incident of `type` at a gazetteer place, on one day.
Incident incidentAt(const char* id, const char* placeName, const char* isoDate, EventType type,
                    Fatalities fatalities = Fatalities::notReported());

// The incidents the reference images draw: every event type at a town of
// its own, sizes by fatalities, an approximate place and date, a stack.
std::shared_ptr<const IncidentLayerData> referenceIncidents();
// The view of those images: Ségou, Mopti and the Niono cercle.
MapSettings referenceView(QSize size);

} // namespace sv::test
