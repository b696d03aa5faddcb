#include "MemorySecretStore.h"

namespace AuthStudio {

namespace {
void answer(QObject *context, SecretStore::Callback done, SecretStore::Result result)
{
    // Always from the event loop, as a real keychain answers.
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}
} // namespace

void MemorySecretStore::read(const QString &key, QObject *context, Callback done)
{
    const auto it = m_data.constFind(key);
    answer(context, std::move(done),
           it == m_data.constEnd() ? Result {Error::NotFound, {}, QStringLiteral("no session stored")}
                                   : Result {Error::None, it.value(), {}});
}

void MemorySecretStore::write(const QString &key, const QByteArray &data, QObject *context, Callback done)
{
    m_data.insert(key, data);
    answer(context, std::move(done), {});
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback done)
{
    m_data.remove(key);
    answer(context, std::move(done), {});
}

} // namespace AuthStudio
