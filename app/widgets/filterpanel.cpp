#include "widgets/filterpanel.h"

#include "render/incidentstyle.h"
#include "render/qtext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace sv {
namespace {

constexpr int kTypeRole = Qt::UserRole;
constexpr int kSubTypeRole = Qt::UserRole + 1;
constexpr int kActorRole = Qt::UserRole;

QIcon typeSwatch(EventType type) {
  // The map's own symbol for the type, so the panel reads like the legend.
  QPixmap pixmap(16, 16);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  incidentstyle::drawSymbol(painter, QPointF(8, 8), {type, 6.0, false, false});
  return QIcon(pixmap);
}

} // namespace

FilterPanel::FilterPanel(QWidget* parent) : QWidget(parent) {
  m_types = new QTreeWidget(this);
  m_types->setHeaderHidden(true);
  m_types->setAccessibleName(tr("Event types"));
  m_types->setMinimumHeight(140);
  m_actorSearch = new QLineEdit(this);
  m_actorSearch->setPlaceholderText(tr("Search actors"));
  m_actorSearch->setClearButtonEnabled(true);
  m_actorSearch->setAccessibleName(tr("Search actors"));
  m_actors = new QListWidget(this);
  m_actors->setAccessibleName(tr("Actors"));
  m_actors->setToolTip(tr("Tick actors to show only incidents naming any of them"));
  m_actors->setMinimumHeight(100);
  m_minFatalities = new QSpinBox(this);
  m_minFatalities->setRange(0, 1000000);
  m_minFatalities->setSpecialValueText(tr("any"));
  m_minFatalities->setKeyboardTracking(false);
  m_minFatalities->setToolTip(
      tr("Keep incidents whose lowest reported figure reaches this; "
         "incidents without a reported figure are left out once it is above zero"));
  m_region = new QComboBox(this);
  m_civilians = new QComboBox(this);
  m_civilians->addItem(tr("Any"));
  m_civilians->addItem(tr("Civilians targeted"));
  m_civilians->addItem(tr("Civilians not targeted"));
  auto* resetButton = new QPushButton(tr("&Reset filters"), this);

  auto* typesLabel = new QLabel(tr("Event &types"), this);
  typesLabel->setBuddy(m_types);
  auto* actorsLabel = new QLabel(tr("&Actors"), this);
  actorsLabel->setBuddy(m_actorSearch);
  auto* form = new QFormLayout;
  form->addRow(tr("&Fatalities at least:"), m_minFatalities);
  form->addRow(tr("Re&gion:"), m_region);
  form->addRow(tr("&Civilian targeting:"), m_civilians);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(typesLabel);
  layout->addWidget(m_types, 3);
  layout->addWidget(actorsLabel);
  layout->addWidget(m_actorSearch);
  layout->addWidget(m_actors, 2);
  layout->addLayout(form);
  layout->addWidget(resetButton);

  fillTypes();
  // Ticking a type ticks its sub-types one by one, each an itemChanged: apply
  // once the tree has settled, so that one click is one filter change.
  m_treeSettled = new QTimer(this);
  m_treeSettled->setSingleShot(true);
  m_treeSettled->setInterval(0);
  connect(m_treeSettled, &QTimer::timeout, this, &FilterPanel::applyChoices);
  connect(m_types, &QTreeWidget::itemChanged, m_treeSettled, qOverload<>(&QTimer::start));
  connect(m_actors, &QListWidget::itemChanged, this, &FilterPanel::applyChoices);
  connect(m_actorSearch, &QLineEdit::textChanged, this, &FilterPanel::showMatchingActors);
  connect(m_minFatalities, &QSpinBox::valueChanged, this, &FilterPanel::applyChoices);
  connect(m_region, &QComboBox::currentIndexChanged, this, &FilterPanel::applyChoices);
  connect(m_civilians, &QComboBox::currentIndexChanged, this, &FilterPanel::applyChoices);
  connect(resetButton, &QPushButton::clicked, this, &FilterPanel::reset);
}

void FilterPanel::fillTypes() {
  m_types->clear();
  for (int t = 0; t < kEventTypeCount; ++t) {
    const auto type = static_cast<EventType>(t);
    auto* item = new QTreeWidgetItem(m_types, {q(eventTypeName(type))});
    item->setIcon(0, typeSwatch(type));
    item->setData(0, kTypeRole, t);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
    item->setCheckState(0, Qt::Checked);
    for (int s = 0; s < kSubEventTypeCount; ++s) {
      const auto subType = static_cast<SubEventType>(s);
      if (subType == SubEventType::Unspecified || parentType(subType) != type) continue;
      auto* child = new QTreeWidgetItem(item, {q(subEventTypeName(subType))});
      child->setData(0, kSubTypeRole, s);
      child->setFlags(child->flags() | Qt::ItemIsUserCheckable);
      child->setCheckState(0, Qt::Checked);
    }
  }
}

void FilterPanel::setStore(std::shared_ptr<const EventStore> store) {
  // The same datasets read again (a database refreshed after another
  // client's change) keep the choices made, by name; other data starts afresh.
  const auto sameDatasets = [](const EventStore* before, const EventStore* after) {
    if (!before || !after || before->datasetCount() != after->datasetCount()) return false;
    for (std::size_t d = 0; d < before->datasetCount(); ++d)
      if (before->datasetInfo(d).name != after->datasetInfo(d).name) return false;
    return true;
  };
  std::optional<IncidentFilter> kept;
  std::vector<std::string> keptActors;
  std::optional<std::string> keptRegion;
  if (sameDatasets(m_store.get(), store.get())) {
    kept = readFilter();
    for (const std::uint32_t actor : kept->actors) keptActors.emplace_back(m_store->string(actor));
    if (kept->region) keptRegion = std::string(m_store->string(*kept->region));
  }
  m_store = std::move(store);
  m_updating = true;
  m_actors->clear();
  m_region->clear();
  m_region->addItem(tr("All regions"));
  if (m_store) {
    for (const auto& [actor, count] : m_store->actorFrequencies()) {
      auto* item = new QListWidgetItem(QStringLiteral("%1 (%2)").arg(q(m_store->string(actor))).arg(count), m_actors);
      item->setData(kActorRole, actor);
      item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
      item->setCheckState(Qt::Unchecked);
    }
    for (std::uint32_t region : m_store->regions()) m_region->addItem(q(m_store->string(region)), region);
  }
  m_updating = false;
  if (!kept) {
    reset();
    return;
  }
  kept->actors.clear();
  for (const std::string& actor : keptActors)
    if (const auto id = m_store->strings().find(actor)) kept->actors.push_back(*id);
  std::sort(kept->actors.begin(), kept->actors.end());
  kept->region.reset();
  if (keptRegion) kept->region = m_store->strings().find(*keptRegion);
  setFilter(*kept);
}

void FilterPanel::setFilter(const IncidentFilter& filter) {
  m_updating = true;
  for (int t = 0; t < m_types->topLevelItemCount(); ++t) {
    QTreeWidgetItem* item = m_types->topLevelItem(t);
    const bool typeShown =
        (filter.types & IncidentFilter::typeBit(static_cast<EventType>(item->data(0, kTypeRole).toInt()))) != 0;
    if (item->childCount() == 0) item->setCheckState(0, typeShown ? Qt::Checked : Qt::Unchecked);
    for (int c = 0; c < item->childCount(); ++c) {
      QTreeWidgetItem* child = item->child(c);
      const auto subType = static_cast<SubEventType>(child->data(0, kSubTypeRole).toInt());
      child->setCheckState(
          0, typeShown && (filter.subTypes & IncidentFilter::subTypeBit(subType)) ? Qt::Checked : Qt::Unchecked);
    }
  }
  for (int a = 0; a < m_actors->count(); ++a) {
    QListWidgetItem* item = m_actors->item(a);
    const bool chosen = std::binary_search(filter.actors.begin(), filter.actors.end(), item->data(kActorRole).toUInt());
    item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
  }
  m_minFatalities->setValue(filter.minFatalities);
  m_region->setCurrentIndex(filter.region ? std::max(0, m_region->findData(*filter.region)) : 0);
  m_civilians->setCurrentIndex(!filter.civilianTargeting ? 0 : *filter.civilianTargeting ? 1 : 2);
  m_updating = false;
  applyChoices();
}

void FilterPanel::reset() {
  m_updating = true;
  for (int t = 0; t < m_types->topLevelItemCount(); ++t) m_types->topLevelItem(t)->setCheckState(0, Qt::Checked);
  for (int a = 0; a < m_actors->count(); ++a) m_actors->item(a)->setCheckState(Qt::Unchecked);
  m_actorSearch->clear();
  m_minFatalities->setValue(0);
  m_region->setCurrentIndex(0);
  m_civilians->setCurrentIndex(0);
  m_updating = false;
  applyChoices();
}

void FilterPanel::showMatchingActors(const QString& text) {
  const QString needle = text.trimmed();
  for (int a = 0; a < m_actors->count(); ++a) {
    QListWidgetItem* item = m_actors->item(a);
    // Ticked actors stay in sight whatever the search.
    item->setHidden(!needle.isEmpty() && item->checkState() != Qt::Checked &&
                    !item->text().contains(needle, Qt::CaseInsensitive));
  }
}

IncidentFilter FilterPanel::readFilter() const {
  IncidentFilter filter;
  filter.types = 0;
  filter.subTypes = IncidentFilter::subTypeBit(SubEventType::Unspecified);
  for (int t = 0; t < m_types->topLevelItemCount(); ++t) {
    const QTreeWidgetItem* item = m_types->topLevelItem(t);
    if (item->checkState(0) == Qt::Unchecked) continue;
    filter.types |= IncidentFilter::typeBit(static_cast<EventType>(item->data(0, kTypeRole).toInt()));
    for (int c = 0; c < item->childCount(); ++c) {
      const QTreeWidgetItem* child = item->child(c);
      if (child->checkState(0) == Qt::Checked)
        filter.subTypes |= IncidentFilter::subTypeBit(static_cast<SubEventType>(child->data(0, kSubTypeRole).toInt()));
    }
  }
  for (int a = 0; a < m_actors->count(); ++a) {
    const QListWidgetItem* item = m_actors->item(a);
    if (item->checkState() == Qt::Checked) filter.actors.push_back(item->data(kActorRole).toUInt());
  }
  std::sort(filter.actors.begin(), filter.actors.end());
  filter.minFatalities = m_minFatalities->value();
  if (m_region->currentIndex() > 0) filter.region = m_region->currentData().toUInt();
  if (m_civilians->currentIndex() == 1) filter.civilianTargeting = true;
  if (m_civilians->currentIndex() == 2) filter.civilianTargeting = false;
  return filter;
}

void FilterPanel::applyChoices() {
  if (m_updating) return;
  const IncidentFilter filter = readFilter();
  if (filter == m_filter) return;
  m_filter = filter;
  emit filterChanged(m_filter);
}

} // namespace sv
