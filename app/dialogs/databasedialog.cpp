#include "dialogs/databasedialog.h"

#include "session/keychain.h"

#include "db/database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sv {
namespace {

const QString kSettingsGroup = QStringLiteral("database");

// libpq's SSL modes, safest last; "prefer" is libpq's own default.
const char* const kSslModes[] = {"prefer", "require", "verify-ca", "verify-full", "disable"};

QCheckBox* rememberBox(QWidget* parent) {
  auto* box = new QCheckBox(QObject::tr("Remember the password in the system &keychain"), parent);
  if (const QString problem = keychainProblem(); !problem.isEmpty()) {
    // Said where it is seen, not only in a tooltip.
    box->setText(QObject::tr("Not remembered: %1;\nthe password is kept until the viewer closes").arg(problem));
    box->setEnabled(false);
  }
  return box;
}

} // namespace

DatabaseDialog::DatabaseDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Open Database"));
  QSettings settings;
  settings.beginGroup(kSettingsGroup);
  m_host = new QLineEdit(settings.value(QStringLiteral("host"), QStringLiteral("localhost")).toString(), this);
  m_port = new QSpinBox(this);
  m_port->setRange(1, 65535);
  m_port->setValue(settings.value(QStringLiteral("port"), 5432).toInt());
  m_database = new QLineEdit(settings.value(QStringLiteral("database")).toString(), this);
  m_user = new QLineEdit(settings.value(QStringLiteral("user")).toString(), this);
  m_sslMode = new QComboBox(this);
  for (const char* mode : kSslModes) m_sslMode->addItem(QString::fromLatin1(mode));
  m_sslMode->setCurrentText(settings.value(QStringLiteral("sslmode"), QStringLiteral("prefer")).toString());
  m_sslMode->setToolTip(
      tr("prefer: encrypted when the server offers it; require: always encrypted; verify-ca and "
         "verify-full also check the server's certificate"));
  m_schema = new QLineEdit(settings.value(QStringLiteral("schema"), QStringLiteral("public")).toString(), this);
  m_table = new QLineEdit(settings.value(QStringLiteral("table"), QStringLiteral("incidents")).toString(), this);
  m_password = new QLineEdit(this);
  m_password->setEchoMode(QLineEdit::Password);
  m_password->setPlaceholderText(tr("Leave empty to use ~/.pgpass or the keychain"));
  m_remember = rememberBox(this);
  m_problem = new QLabel(this);
  m_problem->setWordWrap(true);
  m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
  m_problem->hide();

  // Named for the tests and for accessibility tools.
  m_host->setObjectName(QStringLiteral("host"));
  m_port->setObjectName(QStringLiteral("port"));
  m_database->setObjectName(QStringLiteral("database"));
  m_user->setObjectName(QStringLiteral("user"));
  m_sslMode->setObjectName(QStringLiteral("sslMode"));
  m_schema->setObjectName(QStringLiteral("schema"));
  m_table->setObjectName(QStringLiteral("table"));
  m_password->setObjectName(QStringLiteral("password"));
  m_problem->setObjectName(QStringLiteral("problem"));
  auto* form = new QFormLayout;
  form->addRow(tr("&Host:"), m_host);
  form->addRow(tr("&Port:"), m_port);
  form->addRow(tr("&Database:"), m_database);
  form->addRow(tr("&User:"), m_user);
  form->addRow(tr("&SSL mode:"), m_sslMode);
  form->addRow(tr("S&chema:"), m_schema);
  form->addRow(tr("&Table:"), m_table);
  form->addRow(tr("Pass&word:"), m_password);
  form->addRow(QString(), m_remember);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &DatabaseDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &DatabaseDialog::reject);
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("A PostgreSQL database with PostGIS, in the viewer's format (made by "
                              "<tt>situation-viewer db init</tt>). Viewing needs only SELECT."),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  layout->addLayout(form);
  layout->addWidget(m_problem);
  layout->addWidget(buttons);
}

QString DatabaseDialog::uri() const {
  return QString::fromStdString(
      db::makeUri(m_host->text().trimmed().toStdString(), QString::number(m_port->value()).toStdString(),
                  m_database->text().trimmed().toStdString(), m_user->text().trimmed().toStdString(),
                  m_sslMode->currentText().toStdString(), m_schema->text().trimmed().toStdString(),
                  m_table->text().trimmed().toStdString()));
}

QString DatabaseDialog::password() const { return m_password->text(); }

bool DatabaseDialog::rememberPassword() const { return m_remember->isEnabled() && m_remember->isChecked(); }

void DatabaseDialog::accept() {
  QString problem;
  if (m_host->text().trimmed().isEmpty())
    problem = tr("Give the server's host name or address.");
  else if (m_database->text().trimmed().isEmpty())
    problem = tr("Give the database's name.");
  else if (!db::isValidName(m_schema->text().trimmed().toStdString()) ||
           !db::isValidName(m_table->text().trimmed().toStdString()))
    problem = tr("Schema and table names are lower-case letters, digits and '_', at most 47 characters.");
  else if (db::Error error; !db::parseLocation(uri().toStdString(), &error))
    problem = QString::fromStdString(error.message);
  if (!problem.isEmpty()) {
    m_problem->setText(problem);
    m_problem->show();
    return;
  }
  QSettings settings;
  settings.beginGroup(kSettingsGroup);
  settings.setValue(QStringLiteral("host"), m_host->text().trimmed());
  settings.setValue(QStringLiteral("port"), m_port->value());
  settings.setValue(QStringLiteral("database"), m_database->text().trimmed());
  settings.setValue(QStringLiteral("user"), m_user->text().trimmed());
  settings.setValue(QStringLiteral("sslmode"), m_sslMode->currentText());
  settings.setValue(QStringLiteral("schema"), m_schema->text().trimmed());
  settings.setValue(QStringLiteral("table"), m_table->text().trimmed());
  QDialog::accept();
}

std::optional<DatabaseDialog::PasswordAnswer> DatabaseDialog::askPassword(const QString& uri, const QString& reason,
                                                                          QWidget* parent) {
  QDialog dialog(parent);
  dialog.setWindowTitle(tr("Database Password"));
  auto* text = new QLabel(tr("%1\n\nPassword for %2:").arg(reason, uri), &dialog);
  text->setWordWrap(true);
  auto* field = new QLineEdit(&dialog);
  field->setEchoMode(QLineEdit::Password);
  QCheckBox* remember = rememberBox(&dialog);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* layout = new QVBoxLayout(&dialog);
  layout->addWidget(text);
  layout->addWidget(field);
  layout->addWidget(remember);
  layout->addWidget(buttons);
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  return PasswordAnswer{field->text(), remember->isEnabled() && remember->isChecked()};
}

} // namespace sv
