// SecretStore: where auth sessions are kept between runs, by key. Asynchronous, as keychains are: each
// call answers once through its callback, from the event loop, and only while `context` lives.
// Implementations: KeychainSecretStore (the OS keychain), MemorySecretStore (this process only),
// FileSecretStore (an explicit opt-in: a 0600 file per session).
#pragma once

#include <QObject>

#include <functional>
#include <optional>

namespace AuthStudio {

class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Error { None, NotFound, Unavailable, Failed };
    struct Result
    {
        Error error = Error::None;
        QByteArray data; // read only
        QString message; // why it failed, for people
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;

    // Where secrets go, for messages: "the OS keychain", "memory (this process only)", "file …".
    virtual QString description() const = 0;
    virtual bool isPersistent() const = 0;

    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QByteArray &data, QObject *context, Callback done) = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;
};

} // namespace AuthStudio
