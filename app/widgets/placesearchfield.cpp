#include "widgets/placesearchfield.h"
#include "render/qtext.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStandardItemModel>
#include <QTimer>

#include <algorithm>

namespace sv {
namespace {

constexpr int kSuggestionRole = Qt::UserRole + 1; // index into m_suggestions
constexpr int kNameRole = Qt::UserRole + 2;       // the text put in the field
constexpr std::size_t kSuggestionLimit = 12;

} // namespace

PlaceSearchField::PlaceSearchField(const Gazetteer& gazetteer, std::shared_ptr<const EventStore> store, QWidget* parent)
    : QLineEdit(parent), m_gazetteer(gazetteer), m_finder(gazetteer, std::move(store)) {
  setPlaceholderText(tr("Find a place (Ctrl+F)"));
  setClearButtonEnabled(true);
  setAccessibleName(tr("Find a place"));
  setToolTip(
      tr("Type a place's name or an alternate name; accents and case do not matter.\n"
         "Enter zooms to the place and opens its dossier."));
  m_model = new QStandardItemModel(this);
  m_completer = new QCompleter(m_model, this);
  // The finder chooses and orders the suggestions; the completer only shows them.
  m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
  m_completer->setCompletionRole(kNameRole);
  m_completer->setMaxVisibleItems(static_cast<int>(kSuggestionLimit));
  m_completer->setWidget(this);
  m_completer->popup()->setAccessibleName(tr("Places found"));

  connect(this, &QLineEdit::textEdited, this, &PlaceSearchField::suggest);
  connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this, [this](const QModelIndex& index) {
    bool ok = false;
    const auto k = index.data(kSuggestionRole).toULongLong(&ok);
    if (ok && k < m_suggestions.size()) choose(static_cast<std::size_t>(k));
  });
  connect(this, &QLineEdit::returnPressed, this, &PlaceSearchField::chooseBest);
}

QString PlaceSearchField::describe(const PlaceSuggestion& s) {
  QString text = q(s.place.name);
  if (s.matchedName != s.place.name && !s.matchedName.empty()) text += QStringLiteral(" (%1)").arg(q(s.matchedName));
  QStringList where;
  if (!s.cercle.empty()) where << tr("%1 cercle").arg(q(s.cercle));
  if (!s.region.empty()) where << q(s.region);
  if (!s.gazetteerIndex) where << tr("named by the dataset");
  if (!where.isEmpty()) text += QStringLiteral(" — ") + where.join(QStringLiteral(", "));
  if (s.incidents > 0) text += s.incidents == 1 ? tr(" · 1 incident") : tr(" · %1 incidents").arg(s.incidents);
  return text;
}

void PlaceSearchField::suggest(const QString& text) {
  m_justChosen = false;
  findSuggestions(text);
  if (m_suggestions.empty()) {
    m_completer->popup()->hide();
  } else {
    // Wider than the field, right-aligned under it: the field sits at the
    // window's right edge.
    const int w = std::max(width(), 460);
    m_completer->complete(QRect(width() - w, 0, w, height()));
  }
}

void PlaceSearchField::findSuggestions(const QString& text) {
  m_suggestions = m_finder.suggest(text.toStdString(), kSuggestionLimit);
  m_model->clear();
  for (std::size_t k = 0; k < m_suggestions.size(); ++k) {
    auto* item = new QStandardItem(describe(m_suggestions[k]));
    item->setData(static_cast<qulonglong>(k), kSuggestionRole);
    item->setData(q(m_suggestions[k].place.name), kNameRole);
    item->setEditable(false);
    m_model->appendRow(item);
  }
}

void PlaceSearchField::choose(std::size_t k) {
  const PlaceSuggestion chosen = m_suggestions[k];
  // A highlighted suggestion taken with Enter also ends in returnPressed.
  m_justChosen = true;
  QTimer::singleShot(0, this, [this] { m_justChosen = false; });
  setText(q(chosen.place.name));
  m_completer->popup()->hide();
  emit placeChosen(chosen);
}

void PlaceSearchField::chooseBest() {
  if (m_justChosen) return;
  const QString typed = text().trimmed();
  if (typed.isEmpty()) return;
  findSuggestions(typed);
  if (m_suggestions.empty()) {
    emit nothingFound(typed);
    return;
  }
  choose(0);
}

void PlaceSearchField::setStore(std::shared_ptr<const EventStore> store) {
  m_finder = PlaceFinder(m_gazetteer, std::move(store));
}

} // namespace sv
