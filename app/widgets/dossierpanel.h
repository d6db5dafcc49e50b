#pragma once

#include "session/backgroundjob.h"

#include "domain/placehistory.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace sv {

class TimeController;
struct HistoryReport;
struct MapContext;

// A place's incident strip over the whole data span, with the time slider's
// current range shaded.
class PlaceStrip : public QWidget {
  Q_OBJECT

public:
  explicit PlaceStrip(TimeController* controller, QWidget* parent = nullptr);
  void setHistory(std::shared_ptr<const EventStore> store, const PlaceHistory* history);
  QSize sizeHint() const override { return {300, 34}; }

protected:
  void paintEvent(QPaintEvent* event) override;

private:
  TimeController* m_controller;
  std::shared_ptr<const EventStore> m_store;
  std::vector<EventStore::Index> m_incidents;
};

// The dossier of one place: header, summary, strip and its whole incident
// history with sources, optionally with the incidents nearby. Selecting an
// incident here says so (incidentSelected); selectIncident marks one.
// The history is read off the GUI thread (a busy town of a large dataset
// has tens of thousands of incidents) and listed a page at a time.
class DossierPanel : public QWidget {
  Q_OBJECT

public:
  DossierPanel(std::shared_ptr<const EventStore> store, const Gazetteer& gazetteer, TimeController* controller,
               QWidget* parent = nullptr);

  void showPlace(const HistoryPlace& place, std::optional<std::size_t> gazetteerIndex);
  QSize sizeHint() const override { return {420, 600}; }
  void selectIncident(std::optional<EventStore::Index> incident);

  const std::optional<HistoryPlace>& place() const { return m_place; }
  // The history shown; while isPending(), the one of the place before.
  const PlaceHistory& history() const { return m_history; }
  bool isPending() const { return m_job.isRunning(); }
  // Incidents listed on one page of the history, and the page shown.
  static constexpr std::size_t kPageSize = 100;
  std::size_t page() const { return m_page; }
  std::size_t pageCount() const;
  void showPage(std::size_t page);
  std::optional<EventStore::Index> selectedIncident() const { return m_selected; }
  // The history as plain text, as Copy puts it on the clipboard (the same
  // text as the `history` command prints).
  QString historyText() const;
  // Where the dossier gets what a PDF sheet (map and chronology) draws from,
  // when it is exported; without one it exports text only.
  void setMapContextSource(std::function<MapContext()> source) { m_mapContext = std::move(source); }
  // Another dataset opened: the place shown, if any, is read again from it.
  void setStore(std::shared_ptr<const EventStore> store);
  enum class ExportFormat { Markdown, Csv, Pdf };
  QString exportText(ExportFormat format) const; // Markdown or CSV
  bool exportTo(const QString& path, ExportFormat format, QString* error) const;
  QTextBrowser* browser() const { return m_browser; }
  QCheckBox* nearbyToggle() const { return m_nearby; }
  QSpinBox* radiusChoice() const { return m_radius; }

signals:
  // The place's history is on screen.
  void historyShown();
  void incidentSelected(sv::EventStore::Index incident);
  void zoomRequested(double longitude, double latitude);

private:
  void refresh();
  void showHistory(PlaceHistory history);
  void showPageOf(std::optional<EventStore::Index> incident);
  void renderHistory();
  void exportWithDialog();
  HistoryReport report() const;

  std::shared_ptr<const EventStore> m_store;
  const Gazetteer& m_gazetteer;
  TimeController* m_controller;
  std::function<MapContext()> m_mapContext;
  std::optional<HistoryPlace> m_place;
  std::optional<std::size_t> m_gazetteerIndex;
  PlaceHistory m_history;
  std::optional<EventStore::Index> m_selected;
  std::size_t m_page = 0;

  QLabel* m_header = nullptr;
  QPushButton* m_zoom = nullptr;
  QPushButton* m_export = nullptr;
  QCheckBox* m_nearby = nullptr;
  QSpinBox* m_radius = nullptr;
  PlaceStrip* m_strip = nullptr;
  QLabel* m_summary = nullptr;
  QTextBrowser* m_browser = nullptr;
  BackgroundJob m_job;
};

} // namespace sv
