#pragma once

// The main window on the fixture dataset (tests/data/ui/situation-fixture.geojson),
// for tests that drive it as a user would, on the offscreen platform.
#include "app/appdata.h"
#include "mainwindow.h"
#include "widgets/dossierpanel.h"
#include "widgets/mapcanvas.h"

#include "control/timecontroller.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

namespace sv {

inline void sendMouse(QWidget* widget, QEvent::Type type, QPointF position, Qt::MouseButton button,
                      Qt::MouseButtons buttons) {
  QMouseEvent event(type, position, widget->mapToGlobal(position), button, buttons, Qt::NoModifier);
  QCoreApplication::sendEvent(widget, &event);
}

inline void clickAt(QWidget* widget, QPointF position) {
  sendMouse(widget, QEvent::MouseButtonPress, position, Qt::LeftButton, Qt::LeftButton);
  sendMouse(widget, QEvent::MouseButtonRelease, position, Qt::LeftButton, Qt::NoButton);
}

class WindowTest : public ::testing::Test {
protected:
  void SetUp() override {
    session = std::make_unique<Session>(test::loadedContext(test::fixturePath()));
    window = std::make_unique<MainWindow>(*session);
    window->resize(1200, 800);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    waitForRender();
  }

  void waitForRender() {
    MapCanvas* canvas = window->canvas();
    QSignalSpy finished(canvas, &MapCanvas::renderFinished);
    if (canvas->isRenderPending()) {
      ASSERT_TRUE(finished.wait(20000));
    }
    ASSERT_FALSE(canvas->isRenderPending());
  }

  // The dossier's history is read off the GUI thread: wait until it is shown.
  void waitForDossier() {
    DossierPanel* dossier = window->dossier();
    QSignalSpy shown(dossier, &DossierPanel::historyShown);
    if (dossier->isPending()) {
      ASSERT_TRUE(shown.wait(20000));
    }
    ASSERT_FALSE(dossier->isPending());
  }

  // The ids the map draws now, sorted.
  QStringList drawnIds() {
    waitForRender();
    const DrawnIncidents* drawn = window->canvas()->drawnIncidents();
    EXPECT_NE(drawn, nullptr);
    QStringList ids;
    if (!drawn) return ids;
    const EventStore& store = window->timeController()->store().operator*();
    for (const DrawnCluster& cluster : drawn->clusters)
      for (auto i : drawn->membersOf(cluster))
        ids << QString::fromUtf8(store.id(i).data(), static_cast<qsizetype>(store.id(i).size()));
    ids.sort();
    return ids;
  }

  std::unique_ptr<Session> session; // before the window, which it outlives
  std::unique_ptr<MainWindow> window;
};

} // namespace sv
