#include "ScriptPlugin.h"

#include "ScriptBackendFactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QPluginLoader>

#include <atomic>

namespace AuthStudio {

namespace {

const QString PluginFileName = QStringLiteral(AUTHSTUDIO_JAVASCRIPT_PLUGIN_FILE);

QMutex loadMutex;
std::atomic<ScriptBackendFactory *> loadedFactory {nullptr};
QString loadError; // guarded by loadMutex

} // namespace

QStringList ScriptPlugin::candidates()
{
    QStringList files;
    if (QCoreApplication::instance()) {
        files.append(QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                     QStringLiteral("/../" AUTHSTUDIO_INSTALL_LIBDIR "/authstudio/") +
                                     PluginFileName));
    }
    files.append(QStringLiteral(AUTHSTUDIO_BUILD_PLUGIN_DIR "/") + PluginFileName);
    files.append(QStringLiteral(AUTHSTUDIO_INSTALL_PLUGIN_DIR "/") + PluginFileName);
    files.removeDuplicates();
    return files;
}

ScriptBackendFactory *ScriptPlugin::factory(QString *error)
{
    if (ScriptBackendFactory *factory = loadedFactory.load(std::memory_order_acquire))
        return factory;
    QMutexLocker locker(&loadMutex);
    if (ScriptBackendFactory *factory = loadedFactory.load(std::memory_order_relaxed))
        return factory;
    if (loadError.isEmpty()) {
        QStringList tried;
        for (const QString &file : candidates()) {
            if (!QFileInfo::exists(file)) {
                tried.append(QDir::toNativeSeparators(file));
                continue;
            }
            // Never unloaded: engines made from it live until the process ends.
            static QPluginLoader loader;
            loader.setFileName(file);
            auto *factory = qobject_cast<ScriptBackendFactory *>(loader.instance());
            if (factory) {
                loadedFactory.store(factory, std::memory_order_release);
                return factory;
            }
            loadError = QStringLiteral("The JavaScript engine (%1) can't be loaded: %2")
                            .arg(QDir::toNativeSeparators(file),
                                 loader.errorString().isEmpty() ? QStringLiteral("not an Auth Studio plugin")
                                                                : loader.errorString());
            break;
        }
        if (loadError.isEmpty()) {
            loadError = QStringLiteral("The JavaScript engine (%1) is not installed; looked in: %2")
                            .arg(PluginFileName, tried.join(QStringLiteral(", ")));
        }
    }
    if (error)
        *error = loadError;
    return nullptr;
}

bool ScriptPlugin::isLoaded()
{
    return loadedFactory.load(std::memory_order_acquire) != nullptr;
}

} // namespace AuthStudio
