#pragma once

#include "domain/placesearch.h"

#include <QLineEdit>

#include <memory>
#include <vector>

class QCompleter;
class QStandardItemModel;

namespace sv {

// The place search box: completion over the gazetteer and the dataset's own
// place names as the user types, each suggestion with its region and cercle
// (to tell homonyms apart) and its number of incidents. Enter takes the
// highlighted suggestion, or the best one; placeChosen says which.
class PlaceSearchField : public QLineEdit {
  Q_OBJECT

public:
  PlaceSearchField(const Gazetteer& gazetteer, std::shared_ptr<const EventStore> store, QWidget* parent = nullptr);
  // Another dataset opened: places it names are found too.
  void setStore(std::shared_ptr<const EventStore> store);

  const std::vector<PlaceSuggestion>& suggestions() const { return m_suggestions; }
  QStandardItemModel* suggestionModel() const { return m_model; }
  QCompleter* placeCompleter() const { return m_completer; }
  // The line shown for a suggestion in the completion list.
  static QString describe(const PlaceSuggestion& suggestion);

signals:
  void placeChosen(const sv::PlaceSuggestion& suggestion);
  void nothingFound(const QString& text);

private:
  void suggest(const QString& text);
  void findSuggestions(const QString& text);
  void choose(std::size_t suggestion);
  void chooseBest();

  const Gazetteer& m_gazetteer;
  PlaceFinder m_finder;
  std::vector<PlaceSuggestion> m_suggestions;
  QStandardItemModel* m_model;
  QCompleter* m_completer;
  bool m_justChosen = false;
};

} // namespace sv
