#pragma once

#include <QDialog>
#include <QString>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace sv {

// Connecting to a shared PostGIS database: host, port, database, user, SSL
// mode, schema and table, and the password, which is never written to the
// settings: it is kept for this run, and in the system keychain when the
// user asks and one is reachable (where none is, the dialog says so). The
// other fields are remembered for next time.
class DatabaseDialog : public QDialog {
  Q_OBJECT

public:
  explicit DatabaseDialog(QWidget* parent = nullptr);

  // The URI the fields make, without the password.
  QString uri() const;
  QString password() const;
  bool rememberPassword() const;

  // Asks only for the password of `uri`, saying why (`reason`: none given,
  // or the server refused it). Nullopt when cancelled.
  struct PasswordAnswer {
    QString password;
    bool remember = false;
  };
  static std::optional<PasswordAnswer> askPassword(const QString& uri, const QString& reason, QWidget* parent);

  void accept() override;

private:
  QLineEdit* m_host = nullptr;
  QSpinBox* m_port = nullptr;
  QLineEdit* m_database = nullptr;
  QLineEdit* m_user = nullptr;
  QComboBox* m_sslMode = nullptr;
  QLineEdit* m_schema = nullptr;
  QLineEdit* m_table = nullptr;
  QLineEdit* m_password = nullptr;
  QCheckBox* m_remember = nullptr;
  QLabel* m_problem = nullptr;
};

} // namespace sv
