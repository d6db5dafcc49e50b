// The dossier reads a place's history off the GUI thread and lists it a page
// at a time, so that a town with thousands of incidents opens at once.
#include "widgets/dossierpanel.h"

#include "control/timecontroller.h"
#include "render/testmap.h"

#include <QSignalSpy>
#include <QTextBrowser>
#include <QUrl>

#include <gtest/gtest.h>

namespace sv {
namespace {

// `count` battles at Farabougou, a day apart from 1 Jan 2020.
std::shared_ptr<const EventStore> manyAtFarabougou(int count) {
  std::vector<Incident> incidents;
  const DayNumber first = *parseIsoDate("2020-01-01");
  for (int k = 0; k < count; ++k) {
    const std::string id = QStringLiteral("F%1").arg(k).toStdString();
    Incident incident = test::incidentAt(id.c_str(), "Farabougou", "2020-01-01", EventType::Battles);
    incident.start = incident.end = first + k;
    incidents.push_back(std::move(incident));
  }
  return test::incidentLayer(std::move(incidents))->storePointer();
}

class DossierTest : public ::testing::Test {
protected:
  void open(const std::shared_ptr<const EventStore>& store) {
    time.setStore(store);
    dossier = std::make_unique<DossierPanel>(store, test::bundledBaseMap()->gazetteer(), &time);
    const EventStore::Index i = 0;
    place = HistoryPlace{store->geonameId(i), std::string(store->place(i)), store->longitude(i), store->latitude(i)};
    QSignalSpy shown(dossier.get(), &DossierPanel::historyShown);
    dossier->showPlace(place, std::nullopt);
    EXPECT_TRUE(dossier->isPending());
    ASSERT_TRUE(shown.wait(20000));
    EXPECT_FALSE(dossier->isPending());
  }
  QString listed() const { return dossier->browser()->toPlainText(); }

  TimeController time;
  std::unique_ptr<DossierPanel> dossier;
  HistoryPlace place;
};

TEST_F(DossierTest, ALongHistoryIsListedAPageAtATime) {
  const auto store = manyAtFarabougou(250);
  open(store);
  ASSERT_EQ(dossier->history().entries.size(), 250u);
  EXPECT_EQ(dossier->pageCount(), 3u);
  EXPECT_EQ(dossier->page(), 0u);
  EXPECT_TRUE(listed().contains(QStringLiteral("Incidents 1–100 of 250"))) << listed().left(200).toStdString();
  EXPECT_TRUE(listed().contains(QStringLiteral("F99")));
  EXPECT_FALSE(listed().contains(QStringLiteral("F100")));

  // The links go to the other pages.
  emit dossier->browser()->anchorClicked(QUrl(QStringLiteral("page:2")));
  EXPECT_EQ(dossier->page(), 2u);
  EXPECT_TRUE(listed().contains(QStringLiteral("Incidents 201–250 of 250")));
  EXPECT_TRUE(listed().contains(QStringLiteral("F249")));
  EXPECT_FALSE(listed().contains(QStringLiteral("F199")));

  // Selecting an incident shows its page.
  dossier->selectIncident(*store->find("F150"));
  EXPECT_EQ(dossier->page(), 1u);
  EXPECT_TRUE(listed().contains(QStringLiteral("F150")));
  // The whole history is still what Copy and Export give.
  EXPECT_TRUE(dossier->historyText().contains(QStringLiteral("F0 ")));
  EXPECT_TRUE(dossier->historyText().contains(QStringLiteral("F249 ")));
}

TEST_F(DossierTest, AShortHistoryHasOnePageAndNoPageLinks) {
  open(manyAtFarabougou(12));
  EXPECT_EQ(dossier->pageCount(), 1u);
  EXPECT_FALSE(listed().contains(QStringLiteral("Incidents 1–")));
  EXPECT_TRUE(listed().contains(QStringLiteral("F11")));
}

TEST_F(DossierTest, ASelectionMadeWhileTheHistoryIsReadIsShownWhenItArrives) {
  const auto store = manyAtFarabougou(250);
  time.setStore(store);
  dossier = std::make_unique<DossierPanel>(store, test::bundledBaseMap()->gazetteer(), &time);
  QSignalSpy shown(dossier.get(), &DossierPanel::historyShown);
  dossier->showPlace({store->geonameId(0), std::string(store->place(0)), store->longitude(0), store->latitude(0)},
                     std::nullopt);
  dossier->selectIncident(*store->find("F220"));
  ASSERT_TRUE(shown.wait(20000));
  EXPECT_EQ(dossier->selectedIncident(), store->find("F220"));
  EXPECT_EQ(dossier->page(), 2u);
}

} // namespace
} // namespace sv
