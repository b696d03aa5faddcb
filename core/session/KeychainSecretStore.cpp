#include "KeychainSecretStore.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace AuthStudio {

namespace {

SecretStore::Result resultOf(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return {SecretStore::Error::NotFound, {}, QStringLiteral("no session stored")};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {SecretStore::Error::Unavailable, {}, job->errorString()};
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // The Secret Service not running shows up as OtherError with a D-Bus message; no session bus at all
    // as libsecret's "Could not connect: …".
    const QString message = job->errorString();
    const bool unavailable =
        message.contains(QLatin1String("org.freedesktop.secrets"), Qt::CaseInsensitive) ||
        message.startsWith(QLatin1String("Could not connect"), Qt::CaseInsensitive) ||
        message.contains(QLatin1String("DBus"), Qt::CaseInsensitive) ||
        message.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive);
    return {unavailable ? SecretStore::Error::Unavailable : SecretStore::Error::Failed, {}, message};
}

// Jobs have no parent and delete themselves once finished (autoDelete). The Secret Service backend hands
// the job to libsecret's asynchronous calls and finishes it from their callback, so a job deleted earlier,
// with the store that made it, was used after free when the keychain answered. If the store is gone by
// then, the connection below is gone with its context and the answer is dropped.
template<typename JobType>
void finish(JobType *job, QObject *context, SecretStore::Callback done, bool withData)
{
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [job, guard, done = std::move(done), withData](QKeychain::Job *) {
                         if (!guard)
                             return;
                         SecretStore::Result result = resultOf(job);
                         if (withData && result.error == SecretStore::Error::None) {
                             if constexpr (std::is_same_v<JobType, QKeychain::ReadPasswordJob>)
                                 result.data = job->binaryData();
                         }
                         done(result);
                     });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{ }

void KeychainSecretStore::read(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service); // owns itself: see finish()
    job->setAutoDelete(true);
    job->setKey(key);
    finish(job, context, std::move(done), true);
}

void KeychainSecretStore::write(const QString &key, const QByteArray &data, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service); // owns itself: see finish()
    job->setAutoDelete(true);
    job->setKey(key);
    job->setBinaryData(data);
    finish(job, context, std::move(done), false);
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service); // owns itself: see finish()
    job->setAutoDelete(true);
    job->setKey(key);
    finish(job, context, std::move(done), false);
}

} // namespace AuthStudio
