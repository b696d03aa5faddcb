// JavaScriptEnginePlugin: the entry point of the authstudio-javascript plugin (see ScriptPlugin): it makes
// JavaScriptEngines. The only part of Auth Studio that links QtQml.
#pragma once

#include "script/ScriptBackendFactory.h"

#include <QObject>

namespace AuthStudio {

class JavaScriptEnginePlugin : public QObject, public ScriptBackendFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID AuthStudioScriptBackendFactory_iid)
    Q_INTERFACES(AuthStudio::ScriptBackendFactory)
public:
    std::unique_ptr<ScriptBackend> createBackend() override;
};

} // namespace AuthStudio
