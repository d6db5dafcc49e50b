#include "widgets/dossierpanel.h"

#include "export/briefing.h"

#include "export/historyreport.h"
#include "export/incidentreport.h"

#include "control/timecontroller.h"
#include "render/incidentstyle.h"
#include "render/qtext.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTextStream>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace sv {
namespace {

QString html(const std::string& text) { return q(text).toHtmlEscaped(); }

constexpr int kDefaultRadiusKm = 25;

} // namespace

PlaceStrip::PlaceStrip(TimeController* controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
  setMinimumHeight(30);
  setToolTip(tr("The place's incidents over the whole dataset; the shaded band is the time slider's range"));
  connect(m_controller, &TimeController::rangeChanged, this, qOverload<>(&QWidget::update));
}

void PlaceStrip::setHistory(std::shared_ptr<const EventStore> store, const PlaceHistory* history) {
  m_store = std::move(store);
  m_incidents.clear();
  if (history)
    for (const HistoryEntry& e : history->entries) m_incidents.push_back(e.index);
  update();
}

void PlaceStrip::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().base());
  if (!m_store || m_store->empty()) return;
  const double first = m_store->firstDay();
  const double span = std::max(1.0, static_cast<double>(m_store->lastDay()) + 1.0 - first);
  const double left = 4.0, width = std::max(1.0, this->width() - 8.0);
  const auto x = [&](double day) { return left + (day - first) / span * width; };
  const DayRange range = m_controller->range();
  painter.fillRect(
      QRectF(QPointF(x(range.from), 0), QPointF(std::max(x(range.to + 1.0), x(range.from) + 2.0), height())),
      QColor(31, 78, 160, 50));
  painter.setPen(QColor(0, 0, 0, 60));
  painter.drawLine(QPointF(left, height() - 6.5), QPointF(left + width, height() - 6.5));
  painter.setRenderHint(QPainter::Antialiasing);
  for (EventStore::Index i : m_incidents) {
    const double x0 = x(m_store->start(i));
    const double x1 = std::max(x(m_store->end(i) + 1.0), x0 + 2.0);
    const QColor colour = incidentstyle::typeColour(m_store->type(i));
    painter.fillRect(QRectF(QPointF(x0, 4), QPointF(x1, height() - 9)), colour);
  }
}

DossierPanel::DossierPanel(std::shared_ptr<const EventStore> store, const Gazetteer& gazetteer,
                           TimeController* controller, QWidget* parent)
    : QWidget(parent), m_store(std::move(store)), m_gazetteer(gazetteer), m_controller(controller) {
  setMinimumWidth(320);
  m_header = new QLabel(tr("Click a town or an incident on the map, or search for a place (Ctrl+F)."), this);
  m_header->setWordWrap(true);
  m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_zoom = new QPushButton(tr("&Zoom to place"), this);
  m_zoom->setEnabled(false);
  m_nearby = new QCheckBox(tr("Include incidents &within"), this);
  m_radius = new QSpinBox(this);
  m_radius->setRange(1, 500);
  m_radius->setValue(kDefaultRadiusKm);
  m_radius->setSuffix(tr(" km"));
  m_radius->setKeyboardTracking(false);
  m_radius->setAccessibleName(tr("Radius"));
  m_strip = new PlaceStrip(controller, this);
  m_summary = new QLabel(this);
  m_summary->setWordWrap(true);
  m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_browser = new QTextBrowser(this);
  m_browser->setOpenLinks(false);
  m_browser->setAccessibleName(tr("Incident history"));
  auto* copy = new QPushButton(tr("&Copy history"), this);
  copy->setToolTip(tr("Copy the history and summary as plain text"));
  m_export = new QPushButton(tr("E&xport…"), this);
  m_export->setToolTip(tr("Save the dossier as Markdown (with sources and summary) or as CSV"));
  m_export->setEnabled(false);

  auto* nearbyRow = new QHBoxLayout;
  nearbyRow->addWidget(m_nearby);
  nearbyRow->addWidget(m_radius);
  nearbyRow->addStretch(1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_zoom);
  buttons->addWidget(copy);
  buttons->addWidget(m_export);
  buttons->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_header);
  layout->addLayout(buttons);
  layout->addLayout(nearbyRow);
  layout->addWidget(m_strip);
  layout->addWidget(m_summary);
  layout->addWidget(m_browser, 1);

  connect(m_nearby, &QCheckBox::toggled, this, &DossierPanel::refresh);
  connect(m_radius, &QSpinBox::valueChanged, this, [this] {
    if (m_nearby->isChecked()) refresh();
  });
  connect(m_zoom, &QPushButton::clicked, this, [this] {
    if (m_place) emit zoomRequested(m_place->longitude, m_place->latitude);
  });
  connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(historyText()); });
  connect(m_export, &QPushButton::clicked, this, &DossierPanel::exportWithDialog);
  connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
    if (url.scheme() == QLatin1String("page")) {
      bool ok = false;
      const auto page = static_cast<std::size_t>(url.path().toUInt(&ok));
      if (ok) showPage(page);
    } else if (url.scheme() == QLatin1String("incident")) {
      bool ok = false;
      const auto index = static_cast<EventStore::Index>(url.path().toUInt(&ok));
      if (!ok || !m_store || index >= m_store->size()) return;
      selectIncident(index);
      emit incidentSelected(index);
    } else if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) {
      QDesktopServices::openUrl(url);
    }
  });
}

void DossierPanel::showPlace(const HistoryPlace& place, std::optional<std::size_t> gazetteerIndex) {
  m_place = place;
  m_gazetteerIndex = gazetteerIndex;
  m_selected.reset();
  m_zoom->setEnabled(true);
  QString header = QStringLiteral("<span style='font-size:large'><b>%1</b></span>").arg(html(place.name));
  if (gazetteerIndex) {
    const Place& p = m_gazetteer.place(*gazetteerIndex);
    QStringList where;
    if (!p.cercle.empty()) where << tr("%1 cercle").arg(q(p.cercle).toHtmlEscaped());
    if (!p.region.empty()) where << tr("%1 region").arg(q(p.region).toHtmlEscaped());
    if (!where.isEmpty()) header += QStringLiteral("<br>") + where.join(QStringLiteral(", "));
    QStringList alternates;
    for (const auto& name : p.alternateNames)
      if (name != p.name) alternates << q(name).toHtmlEscaped();
    if (!alternates.isEmpty())
      header += QStringLiteral("<br>") + tr("Also written: %1").arg(alternates.join(QStringLiteral(", ")));
  } else {
    header += QStringLiteral("<br>") + tr("Named by the dataset; not in the gazetteer");
  }
  header += QStringLiteral("<br>%1° %2, %3° %4")
                .arg(std::abs(place.latitude), 0, 'f', 4)
                .arg(place.latitude >= 0 ? QLatin1Char('N') : QLatin1Char('S'))
                .arg(std::abs(place.longitude), 0, 'f', 4)
                .arg(place.longitude >= 0 ? QLatin1Char('E') : QLatin1Char('W'));
  if (place.geonameId) header += QStringLiteral(" &middot; geonames:%1").arg(*place.geonameId);
  m_header->setText(header);
  refresh();
}

void DossierPanel::setStore(std::shared_ptr<const EventStore> store) {
  m_store = std::move(store);
  // The history shown indexes the old store: gone until the new one is read.
  m_history = {};
  m_selected.reset();
  m_strip->setHistory(m_store, &m_history);
  m_browser->clear();
  refresh();
}

// Reads the history on the job; a newer place or radius supersedes it.
void DossierPanel::refresh() {
  if (!m_place || !m_store) return;
  HistoryOptions options;
  options.radiusMetres = m_nearby->isChecked() ? m_radius->value() * 1000.0 : 0.0;
  m_export->setEnabled(false);
  m_summary->setText(tr("Reading the history…"));
  m_job.start(
      [store = m_store, place = *m_place, options](JobControl&) { return placeHistory(*store, place, options); },
      [this](PlaceHistory history) { showHistory(std::move(history)); });
}

void DossierPanel::showHistory(PlaceHistory history) {
  m_history = std::move(history);
  m_page = 0;
  m_export->setEnabled(true);
  m_strip->setHistory(m_store, &m_history);
  const HistorySummary& s = m_history.summary;
  if (s.incidents == 0) {
    m_summary->setText(tr("No incidents in the dataset at this place%1.")
                           .arg(m_nearby->isChecked() ? tr(" or within %1 km").arg(m_radius->value()) : QString()));
  } else {
    QStringList types;
    for (int t = 0; t < kEventTypeCount; ++t)
      if (s.byType[static_cast<std::size_t>(t)] > 0)
        types << QStringLiteral("%1 %2")
                     .arg(q(eventTypeName(static_cast<EventType>(t))).toHtmlEscaped())
                     .arg(s.byType[static_cast<std::size_t>(t)]);
    QStringList actors;
    for (std::size_t k = 0; k < s.byActor.size() && k < 6; ++k)
      actors << QStringLiteral("%1 %2").arg(q(s.byActor[k].first).toHtmlEscaped()).arg(s.byActor[k].second);
    if (s.byActor.size() > 6) actors << tr("%1 more").arg(s.byActor.size() - 6);
    m_summary->setText(tr("<b>%1</b> from %2 to %3<br>%4<br>Actors: %5<br>Fatalities: %6")
                           .arg(s.incidents == 1 ? tr("1 incident") : tr("%1 incidents").arg(s.incidents),
                                q(formatDateSpan(*s.firstStart, *s.firstStart, DatePrecision::Day)),
                                q(formatDateSpan(*s.lastEnd, *s.lastEnd, DatePrecision::Day)),
                                types.join(QStringLiteral("; ")),
                                actors.isEmpty() ? tr("none named") : actors.join(QStringLiteral("; ")),
                                q(describeFatalities(s)).toHtmlEscaped()));
  }
  // The page of the incident selected meanwhile.
  showPageOf(m_selected);
  renderHistory();
  emit historyShown();
}

// Turns to the page listing `incident`, if the history has it; the caller renders.
void DossierPanel::showPageOf(std::optional<EventStore::Index> incident) {
  if (!incident) return;
  const auto found = std::find_if(m_history.entries.begin(), m_history.entries.end(),
                                  [&](const HistoryEntry& e) { return e.index == *incident; });
  if (found != m_history.entries.end())
    m_page = static_cast<std::size_t>(found - m_history.entries.begin()) / kPageSize;
}

std::size_t DossierPanel::pageCount() const {
  return std::max<std::size_t>(1, (m_history.entries.size() + kPageSize - 1) / kPageSize);
}

void DossierPanel::showPage(std::size_t page) {
  if (page >= pageCount() || page == m_page) return;
  m_page = page;
  renderHistory();
  m_browser->scrollToAnchor(QStringLiteral("top"));
}

void DossierPanel::renderHistory() {
  const std::size_t total = m_history.entries.size();
  const std::size_t first = std::min(m_page * kPageSize, total);
  const std::size_t last = std::min(first + kPageSize, total);
  // Pages of a long history, with links to the others.
  QString pages;
  if (total > kPageSize) {
    const QLocale locale;
    pages = tr("Incidents %1–%2 of %3")
                .arg(locale.toString(static_cast<qulonglong>(first + 1)),
                     locale.toString(static_cast<qulonglong>(last)), locale.toString(static_cast<qulonglong>(total)));
    if (m_page > 0)
      pages += QStringLiteral(" &nbsp; <a href='page:0'>%1</a> &nbsp; <a href='page:%2'>%3</a>")
                   .arg(tr("First"))
                   .arg(m_page - 1)
                   .arg(tr("Earlier"));
    if (m_page + 1 < pageCount())
      pages += QStringLiteral(" &nbsp; <a href='page:%1'>%2</a> &nbsp; <a href='page:%3'>%4</a>")
                   .arg(m_page + 1)
                   .arg(tr("Later"))
                   .arg(pageCount() - 1)
                   .arg(tr("Last"));
    pages = QStringLiteral("<p>%1</p>").arg(pages);
  }
  QString text = QStringLiteral("<a name='top'></a>") + pages;
  for (std::size_t k = first; k < last; ++k) {
    const HistoryEntry& e = m_history.entries[k];
    const Incident incident = m_store->incident(e.index);
    const bool selected = m_selected && *m_selected == e.index;
    // A paragraph an incident: tables cost the text layout several times as much.
    text += QStringLiteral("<p style='margin-top:6px; margin-bottom:6px; %2'><a name='i%1'></a>")
                .arg(e.index)
                .arg(selected ? QStringLiteral("background-color:#fde3f0") : QString());
    text += QStringLiteral("<a href='incident:%1'><b>%2</b></a> &nbsp; <span style='color:%3'>&#9632;</span> %4")
                .arg(e.index)
                .arg(html(formatDateSpan(incident.start, incident.end, incident.datePrecision)),
                     incidentstyle::typeColour(incident.type).name(), q(eventTypeName(incident.type)).toHtmlEscaped());
    if (incident.subType != SubEventType::Unspecified)
      text += QStringLiteral(" / ") + q(subEventTypeName(incident.subType)).toHtmlEscaped();
    if (!e.atPlace) text += QStringLiteral(" &nbsp; <i>%1, %2</i>").arg(html(describeOffset(e)), html(incident.place));
    text += QStringLiteral("<br>");
    const std::string actors = describeActors(incident.actors);
    if (!actors.empty()) text += html(actors) + QStringLiteral("<br>");
    text += tr("Fatalities: %1").arg(html(formatFatalities(incident.fatalities)));
    if (incident.civilianTargeting) text += tr("; civilians targeted");
    text += QStringLiteral("<br>") + html(incident.summary);
    for (const Source& source : incident.sources) {
      text += QStringLiteral("<br><small>");
      text += html(source.publisher.empty() ? std::string("Publisher not stated") : source.publisher) +
              QStringLiteral(", ");
      text += source.title.empty() ? html("document " + source.document)
                                   : QStringLiteral("<i>%1</i>").arg(html(source.title));
      if (!source.date.empty()) text += QStringLiteral(" (%1)").arg(html(source.date));
      if (!source.url.empty()) text += QStringLiteral(" <a href='%1'>%2</a>").arg(html(source.url), html(source.url));
      if (!source.passage.empty()) text += QStringLiteral("<br>&ldquo;%1&rdquo;").arg(html(source.passage));
      text += QStringLiteral("</small>");
    }
    text += QStringLiteral("<br><small style='color:gray'>%1</small></p>").arg(html(incident.id));
  }
  m_browser->setHtml(text + pages);
  if (m_selected) m_browser->scrollToAnchor(QStringLiteral("i%1").arg(*m_selected));
}

void DossierPanel::selectIncident(std::optional<EventStore::Index> incident) {
  if (incident == m_selected) return;
  m_selected = incident;
  if (isPending()) return; // marked when the history arrives
  showPageOf(incident);
  renderHistory();
}

HistoryReport DossierPanel::report() const {
  const Place* gazetteerPlace = m_gazetteerIndex ? &m_gazetteer.place(*m_gazetteerIndex) : nullptr;
  return {*m_store, *m_place, gazetteerPlace, m_history, m_nearby->isChecked() ? m_radius->value() * 1000.0 : 0.0};
}

QString DossierPanel::historyText() const {
  QString text;
  if (!m_place || !m_store) return text;
  QTextStream out(&text);
  writeHistoryText(out, report());
  out.flush();
  return text;
}

QString DossierPanel::exportText(ExportFormat format) const {
  QString text;
  if (!m_place || !m_store) return text;
  QTextStream out(&text);
  if (format == ExportFormat::Csv)
    writeHistoryCsv(out, report());
  else
    writeHistoryMarkdown(out, report());
  out.flush();
  return text;
}

bool DossierPanel::exportTo(const QString& path, ExportFormat format, QString* error) const {
  if (!m_place || !m_store) {
    if (error) *error = tr("No place is open");
    return false;
  }
  if (format == ExportFormat::Pdf) {
    if (!m_mapContext) {
      if (error) *error = tr("No map to draw the sheet with");
      return false;
    }
    QString problem;
    if (writePlaceSheet(path, findPagePreset(QStringLiteral("a4-portrait"))->format, m_mapContext(), report(),
                        &problem))
      return true;
    if (error) *error = problem;
    return false;
  }
  QSaveFile file(path); // the old file stays whole until the new one is complete
  if (!file.open(QIODevice::WriteOnly) || file.write(exportText(format).toUtf8()) < 0 || !file.commit()) {
    if (error) *error = tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

void DossierPanel::exportWithDialog() {
  if (!m_place) return;
  const QString pdf = tr("PDF sheet: map and chronology (*.pdf)");
  const QString markdown = tr("Markdown (*.md)");
  const QString csv = tr("CSV (*.csv)");
  QStringList filters{markdown, csv};
  if (m_mapContext) filters.prepend(pdf);
  QString filter = filters.front();
  QString base = q(m_place->name).simplified();
  base.replace(QRegularExpression(QStringLiteral("[^\\w-]+")), QStringLiteral("-"));
  const QString suggested = base + (m_mapContext ? QStringLiteral(".pdf") : QStringLiteral(".md"));
  QString path =
      QFileDialog::getSaveFileName(this, tr("Export Dossier"), suggested, filters.join(QStringLiteral(";;")), &filter);
  if (path.isEmpty()) return;
  // The file's suffix decides; without one, the filter chosen.
  const QString suffix = QFileInfo(path).suffix().toLower();
  ExportFormat format = ExportFormat::Markdown;
  if (suffix == QLatin1String("pdf") || (suffix.isEmpty() && filter == pdf))
    format = ExportFormat::Pdf;
  else if (suffix == QLatin1String("csv") || (suffix.isEmpty() && filter == csv))
    format = ExportFormat::Csv;
  if (suffix.isEmpty()) {
    const char* added = format == ExportFormat::Pdf ? ".pdf" : format == ExportFormat::Csv ? ".csv" : ".md";
    path += QLatin1String(added);
  }
  QApplication::setOverrideCursor(Qt::WaitCursor);
  QString error;
  const bool written = exportTo(path, format, &error);
  QApplication::restoreOverrideCursor();
  if (!written) QMessageBox::warning(this, tr("Export Dossier"), error);
}

} // namespace sv
