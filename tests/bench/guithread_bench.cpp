// What the window computes on the GUI thread when a dataset of a million
// incidents is open: filling the incident table with a year, the timeline's
// histogram, and a town's dossier. Each is measured against the budget it
// must fit, a 60 Hz frame (16.7 ms); the peer of the dossier is the same
// history query alone, without turning it into text.

#include "bench/million.h"
#include "control/timecontroller.h"
#include "domain/placehistory.h"
#include "render/testmap.h"
#include "widgets/dossierpanel.h"
#include "widgets/incidenttable.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

namespace sv {
namespace {

// The synthetic data's busiest town (its first hotspot) as a dossier opens it.
HistoryPlace busiestPlace() {
  const EventStore& store = *test::millionStore();
  for (EventStore::Index i = 0; i < store.size(); ++i)
    if (store.geonameId(i) == 90000000)
      return {90000000, std::string(store.place(i)), store.longitude(i), store.latitude(i)};
  return {};
}

void BM_TableFill_Year_1M(benchmark::State& state) {
  const EventStore& store = *test::millionStore();
  for (auto _ : state) {
    IncidentTableModel model;
    model.setStore(test::millionStore());
    model.setIncidents({store.lastDay() - 364, store.lastDay()}, {});
    benchmark::DoNotOptimize(model.rowCount());
    state.counters["rows"] = model.rowCount();
  }
}
BENCHMARK(BM_TableFill_Year_1M)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PlaceHistory_Busiest_1M(benchmark::State& state) {
  const HistoryPlace place = busiestPlace();
  for (auto _ : state) {
    const PlaceHistory history = placeHistory(*test::millionStore(), place);
    benchmark::DoNotOptimize(history.entries.data());
    state.counters["incidents"] = static_cast<double>(history.entries.size());
  }
}
BENCHMARK(BM_PlaceHistory_Busiest_1M)->Unit(benchmark::kMillisecond)->UseRealTime();

// A dossier dock on the million, as the window has it.
struct MillionDossier {
  MillionDossier() : dossier(test::millionStore(), test::bundledBaseMap()->gazetteer(), &time) {
    time.setStore(test::millionStore());
    dossier.resize(420, 800);
    dossier.show();
    QObject::connect(&dossier, &DossierPanel::historyShown, [this] { shown = true; });
  }
  // Opens the place and waits until its history is on screen.
  void open(const HistoryPlace& place) {
    shown = false;
    dossier.showPlace(place, std::nullopt);
    while (!shown) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
  }
  TimeController time;
  DossierPanel dossier;
  bool shown = false;
};

// Opening the dossier, from the click to the text on screen.
void BM_DossierOpen_Busiest_1M(benchmark::State& state) {
  MillionDossier panel;
  const HistoryPlace place = busiestPlace();
  for (auto _ : state) panel.open(place);
  state.counters["incidents"] = static_cast<double>(panel.dossier.history().entries.size());
}
BENCHMARK(BM_DossierOpen_Busiest_1M)->Unit(benchmark::kMillisecond)->UseRealTime();

// What the GUI thread pays to list a page of that history (paging back and forth).
void BM_DossierPage_Busiest_1M(benchmark::State& state) {
  MillionDossier panel;
  panel.open(busiestPlace());
  std::size_t page = 0;
  for (auto _ : state) {
    page = page == 0 ? 1 : 0;
    panel.dossier.showPage(page);
  }
  state.counters["listed"] = static_cast<double>(DossierPanel::kPageSize);
}
BENCHMARK(BM_DossierPage_Busiest_1M)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
} // namespace sv
