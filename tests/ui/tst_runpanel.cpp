// WorkflowRunPanel running real workflows against the in-process demo API: the seed walkthrough (Form,
// API Request, JavaScript, Define variable) through the panel's buttons, the run log and the scope
// inspector with secrets masked; a failed login's notification and failing row; Cancel during a slow
// request; a run that answers the real Form dialog with key presses; and what scripts write to the
// console, in the run log and the Console pane.
#include "demo/DemoServer.h"
#include "run/ConsoleView.h"
#include "run/DialogPrompter.h"
#include "run/FormDialog.h"
#include "run/PresetPrompter.h"
#include "run/RunLogModel.h"
#include "run/ScopeInspector.h"
#include "run/ScopeModel.h"
#include "run/WorkflowRunPanel.h"
#include "run/WorkflowRunner.h"
#include "widgets/ElidedLabel.h"

#include <QApplication>
#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

using namespace AuthStudio;

namespace {

ApiRequestStep postJson(const QString &url)
{
    ApiRequestStep step;
    step.name = QStringLiteral("http1");
    step.method = QStringLiteral("POST");
    step.url = url;
    step.body.kind = RequestBody::Kind::Json;
    step.body.text = QStringLiteral(R"({"email": "{{ form1.email }}", "password": "{{ form1.password }}"})");
    return step;
}

DefineVariableStep variable(const QString &name, const QString &value, bool secret = true)
{
    DefineVariableStep step;
    step.name = name;
    step.value = value;
    step.secret = secret;
    return step;
}

// The seed walkthrough's four steps, with this code in its script.
Workflow seedWalkthrough(const QString &scriptCode)
{
    JavaScriptStep js;
    js.code = scriptCode;
    Workflow workflow;
    workflow.steps = {FormStep::withDefaultFields(QStringLiteral("form1")),
                      postJson(QStringLiteral("{{ DEMO_API }}/post")), js,
                      variable(QStringLiteral("PASSWORD"), QStringLiteral("{{ http1.body.json.password }}"))};
    return workflow;
}

QJsonObject credentials(const QString &password)
{
    return {{QStringLiteral("email"), DemoServer::demoEmail()}, {QStringLiteral("password"), password}};
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

QString valueAt(const ScopeModel *model, const QStringList &path)
{
    const QModelIndex index = model->indexForPath(path);
    return index.isValid() ? index.siblingAtColumn(ScopeModel::ValueColumn).data().toString()
                           : QStringLiteral("<missing>");
}

} // namespace

class TestRunPanel : public QObject
{
    Q_OBJECT

private:
    DemoServer *m_server = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    WorkflowRunPanel *m_panel = nullptr;

    Scope initialScope() const
    {
        Scope scope;
        scope.set(QStringLiteral("DEMO_API"), m_server->baseUrl().toString());
        return scope;
    }

    QPushButton *button(const char *name) const
    {
        return m_panel->findChild<QPushButton *>(QString::fromLatin1(name));
    }

    // Clicks Test and waits for the run to end.
    RunResult clickTestAndWait()
    {
        QSignalSpy started(m_panel, &WorkflowRunPanel::runStarted);
        QSignalSpy finished(m_panel, &WorkflowRunPanel::runFinished);
        QTest::mouseClick(button("testButton"), Qt::LeftButton);
        if (started.count() != 1 || !finished.wait(20000))
            return {};
        return finished.first().first().value<RunResult>();
    }

private Q_SLOTS:
    void init()
    {
        m_server = new DemoServer(this);
        QVERIFY(m_server->listen());
        m_network = new QNetworkAccessManager(this);
        m_panel = new WorkflowRunPanel(m_network);
        m_panel->resize(900, 600);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    }
    void cleanup()
    {
        DialogPrompter::clearNextAnswer();
        delete m_panel;
        delete m_network;
        delete m_server;
    }

    void objectNamesAndInitialState()
    {
        QVERIFY(button("testButton"));
        QVERIFY(button("cancelButton"));
        QVERIFY(m_panel->findChild<QTableView *>(QStringLiteral("runLog")));
        QVERIFY(m_panel->findChild<ScopeInspector *>(QStringLiteral("scopeInspector")));
        auto *notification = m_panel->findChild<QLabel *>(QStringLiteral("notification"));
        QVERIFY(notification);
        QVERIFY(!notification->isVisible());
        QVERIFY(!button("testButton")->isEnabled()); // nothing to run yet
        QVERIFY(!button("cancelButton")->isEnabled());
        QVERIFY(!m_panel->start());
        // A greyed Test says why.
        m_panel->setWorkflow({}, initialScope(), QStringLiteral("Empty"));
        QVERIFY2(button("testButton")->toolTip().startsWith(QStringLiteral("No steps to test yet")),
                 qPrintable(button("testButton")->toolTip()));

        Workflow workflow;
        workflow.steps = {variable(QStringLiteral("A"), QStringLiteral("1"), false)};
        m_panel->setWorkflow(workflow, initialScope(), QStringLiteral("Seed walkthrough"));
        QVERIFY(button("testButton")->isEnabled());
        QVERIFY(button("testButton")->toolTip().startsWith(QStringLiteral("Run the workflow")));
        QCOMPARE(m_panel->findChild<QLabel *>(QStringLiteral("runTitle"))->text(),
                 QStringLiteral("Seed walkthrough"));
        // Before a run the inspector shows what the run starts from.
        QCOMPARE(valueAt(m_panel->scopeModel(), {QStringLiteral("DEMO_API")}),
                 m_server->baseUrl().toString());
    }

    void seedWalkthroughRunsThroughThePanel()
    {
        m_panel->setWorkflow(
            seedWalkthrough(QStringLiteral("const echoed = http1.body.json;\nreturn { email: "
                                           "echoed.email, passwordLength: echoed.password.length };")),
            initialScope(), QStringLiteral("Seed walkthrough"));

        DialogPrompter::setNextAnswer(credentials(DemoServer::demoPassword()));
        RunLogModel *log = m_panel->runLogModel();
        QSignalSpy rowsInserted(log, &QAbstractItemModel::rowsInserted);
        const RunResult result = clickTestAndWait();
        QVERIFY2(result.succeeded(), qPrintable(result.notification));
        QCOMPARE(rowsInserted.count(), 4); // each row appeared when its step started
        // The time spent in the form is the user's, said apart from the run's own.
        const QString status = m_panel->findChild<QLabel *>(QStringLiteral("runStatus"))->text();
        QVERIFY2(QRegularExpression(QStringLiteral("^Succeeded in \\d+ ms \\(and \\d+ ms in the form\\)$"))
                     .match(status)
                     .hasMatch(),
                 qPrintable(status));
        // Shown whole, title and status, in a panel of an ordinary width (QA pass 44: both had no width).
        for (const char *name : {"runStatus", "runTitle"}) {
            auto *label = m_panel->findChild<ElidedLabel *>(QLatin1String(name));
            QTRY_VERIFY2(label->isVisible() && label->width() > 0 && !label->isElided(), name); // laid out
        }
        QVERIFY(!m_panel->isRunning());
        QVERIFY(button("testButton")->isEnabled());
        QVERIFY(!button("cancelButton")->isEnabled());
        QVERIFY(!m_panel->findChild<QLabel *>(QStringLiteral("notification"))->isVisible());

        QCOMPARE(log->rowCount(), 4);
        const QStringList names {QStringLiteral("form1"), QStringLiteral("http1"), QStringLiteral("js1"),
                                 QStringLiteral("PASSWORD")};
        const QStringList types {QStringLiteral("Form (modal)"), QStringLiteral("API Request"),
                                 QStringLiteral("JavaScript"), QStringLiteral("Define variable")};
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(cell(log, row, RunLogModel::StepColumn), names.at(row));
            QCOMPARE(cell(log, row, RunLogModel::TypeColumn), types.at(row));
            QCOMPARE(cell(log, row, RunLogModel::StatusColumn), QStringLiteral("Succeeded"));
            QVERIFY(!cell(log, row, RunLogModel::TimeColumn).isEmpty());
        }
        QCOMPARE(cell(log, 1, RunLogModel::HttpColumn), QStringLiteral("200"));
        QVERIFY(cell(log, 1, RunLogModel::DetailColumn).startsWith(QStringLiteral("POST http://127.0.0.1:")));

        // The inspector shows the last step's scope: the echoed body, with the password masked.
        QCOMPARE(m_panel->selectedRow(), 3);
        const ScopeModel *scope = m_panel->scopeModel();
        const QStringList json {QStringLiteral("http1"), QStringLiteral("body"), QStringLiteral("json")};
        QCOMPARE(scope->rowCount(scope->indexForPath(json)), 2);
        QCOMPARE(valueAt(scope, json + QStringList {QStringLiteral("email")}), DemoServer::demoEmail());
        QCOMPARE(valueAt(scope, json + QStringList {QStringLiteral("password")}), QStringLiteral("********"));
        QCOMPARE(valueAt(scope, {QStringLiteral("form1"), QStringLiteral("password")}),
                 QStringLiteral("********"));
        QCOMPARE(valueAt(scope, {QStringLiteral("PASSWORD")}), QStringLiteral("********"));
        QCOMPARE(valueAt(scope, {QStringLiteral("js1"), QStringLiteral("passwordLength")}),
                 QString::number(DemoServer::demoPassword().size()));
        QCOMPARE(scope->expressionFor(scope->indexForPath(json + QStringList {QStringLiteral("email")})),
                 QStringLiteral("{{ http1.body.json.email }}"));
        m_panel->scopeInspector()->findChild<QCheckBox *>(QStringLiteral("revealSecrets"))->click();
        QCOMPARE(valueAt(scope, {QStringLiteral("PASSWORD")}), DemoServer::demoPassword());
        m_panel->scopeInspector()->findChild<QCheckBox *>(QStringLiteral("revealSecrets"))->click();

        // Selecting an earlier row shows the scope after that step.
        QTableView *view = m_panel->findChild<QTableView *>(QStringLiteral("runLog"));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(log->index(0, 0)).center());
        QCOMPARE(m_panel->selectedRow(), 0);
        QVERIFY(scope->indexForPath({QStringLiteral("form1")}).isValid());
        QVERIFY(!scope->indexForPath({QStringLiteral("http1")}).isValid());

        // A second run starts from a clean log.
        DialogPrompter::setNextAnswer(credentials(DemoServer::demoPassword()));
        QVERIFY(clickTestAndWait().succeeded());
        QCOMPARE(log->rowCount(), 4);
        QCOMPARE(m_panel->selectedRow(), 3);
    }

    // What is on screen (the window's backing store) is what the inspector's tree would draw now: after a
    // run, no part of it is left from an earlier step's scope.
    void scopeTreeOnScreenIsCurrentAfterRuns()
    {
        m_panel->setWorkflow(seedWalkthrough(QStringLiteral("return { n: 1 };")), initialScope(),
                             QStringLiteral("Seed walkthrough"));
        auto *tree = m_panel->scopeInspector()->findChild<QTreeView *>(QStringLiteral("scopeTree"));
        for (int run = 0; run < 4; ++run) {
            DialogPrompter::setNextAnswer(credentials(DemoServer::demoPassword()));
            QVERIFY(clickTestAndWait().succeeded());
            const auto onScreen = [&] {
                const QPoint at = tree->viewport()->mapTo(m_panel, QPoint(0, 0));
                return m_panel->screen()
                    ->grabWindow(m_panel->winId(), at.x(), at.y(), tree->viewport()->width(),
                                 tree->viewport()->height())
                    .toImage()
                    .convertToFormat(QImage::Format_RGB32);
            };
            const auto drawn = [&] {
                return tree->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
            };
            QTRY_VERIFY2(onScreen() == drawn(), qPrintable(QStringLiteral("run %1").arg(run + 1)));
        }
    }

    void failedLoginShowsTheServerMessageAndSelectsTheStep()
    {
        Workflow workflow;
        workflow.steps = {FormStep::withDefaultFields(QStringLiteral("form1")),
                          postJson(QStringLiteral("{{ DEMO_API }}/login")),
                          variable(QStringLiteral("TOKEN"), QStringLiteral("{{ http1.body.token }}"))};
        m_panel->setWorkflow(workflow, initialScope(), QStringLiteral("Demo login"));
        QSignalSpy failedStep(m_panel, &WorkflowRunPanel::failedStepSelected);

        DialogPrompter::setNextAnswer(credentials(QStringLiteral("wrong password")));
        const RunResult result = clickTestAndWait();
        QCOMPARE(result.outcome, RunOutcome::Failed);

        auto *notification = m_panel->findChild<QLabel *>(QStringLiteral("notification"));
        QVERIFY(notification->isVisible());
        QCOMPARE(notification->text(), QStringLiteral(R"({"error":"Invalid username or password"})"));
        QCOMPARE(m_panel->notificationText(), notification->text());
        // The reply's status is beside the failing step's name.
        const QString status = m_panel->findChild<QLabel *>(QStringLiteral("runStatus"))->text();
        QVERIFY2(status.startsWith(QStringLiteral("Failed at http1 (HTTP 401) after ")), qPrintable(status));
        QCOMPARE(m_panel->runLogModel()->rowCount(), 2); // TOKEN never ran
        QCOMPARE(m_panel->selectedRow(), 1);
        QCOMPARE(cell(m_panel->runLogModel(), 1, RunLogModel::StepColumn), QStringLiteral("http1"));
        QCOMPARE(cell(m_panel->runLogModel(), 1, RunLogModel::StatusColumn), QStringLiteral("Failed"));
        QCOMPARE(cell(m_panel->runLogModel(), 1, RunLogModel::HttpColumn), QStringLiteral("401"));
        QCOMPARE(failedStep.count(), 1);
        QCOMPARE(failedStep.first().at(0).toInt(), 1);
        QCOMPARE(failedStep.first().at(1).toString(), QStringLiteral("status"));
        // The failing step's scope is shown: the reply body is there to inspect.
        QCOMPARE(valueAt(m_panel->scopeModel(),
                         {QStringLiteral("http1"), QStringLiteral("body"), QStringLiteral("error")}),
                 QStringLiteral("Invalid username or password"));
        QCOMPARE(m_server->counters().failedLogins, 1);

        // Activating the failed row again points editors at the step and field.
        QTableView *view = m_panel->findChild<QTableView *>(QStringLiteral("runLog"));
        QSignalSpy activated(m_panel, &WorkflowRunPanel::stepActivated);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return); // the failing row is current
        QCOMPARE(activated.count(), 1);
        QCOMPARE(failedStep.count(), 2);

        // The next, successful run clears the banner.
        DialogPrompter::setNextAnswer(credentials(DemoServer::demoPassword()));
        QVERIFY(clickTestAndWait().succeeded());
        QVERIFY(!notification->isVisible());
        QCOMPARE(valueAt(m_panel->scopeModel(), {QStringLiteral("TOKEN")}), QStringLiteral("********"));
    }

    void notificationMasksSecrets()
    {
        // A script (or server) that puts the password into its error must not put it on screen.
        JavaScriptStep js;
        js.code = QStringLiteral("throw new Error('login failed for ' + form1.password);");
        Workflow workflow;
        workflow.steps = {FormStep::withDefaultFields(QStringLiteral("form1")), js};
        m_panel->setWorkflow(workflow, initialScope(), QStringLiteral("Leaky script"));
        QSignalSpy failedStep(m_panel, &WorkflowRunPanel::failedStepSelected);
        DialogPrompter::setNextAnswer(credentials(QStringLiteral("hunter22")));
        const RunResult result = clickTestAndWait();
        QCOMPARE(result.outcome, RunOutcome::Failed);
        QVERIFY(result.notification.contains(QStringLiteral("hunter22"))); // the engine's text has it...
        QCOMPARE(m_panel->notificationText(),
                 QStringLiteral("js1: Error: login failed for ******** (line 1)")); // ...the banner not
        QCOMPARE(m_panel->findChild<QLabel *>(QStringLiteral("notification"))->text(),
                 m_panel->notificationText());
        QVERIFY(
            !cell(m_panel->runLogModel(), 1, RunLogModel::DetailColumn).contains(QStringLiteral("hunter22")));
        QCOMPARE(m_panel->selectedRow(), 1);
        QCOMPARE(failedStep.count(), 1);
        QCOMPARE(failedStep.first().at(1).toString(), QStringLiteral("code"));
    }

    // However long the run's status gets, the panel doesn't widen for it: beside "(edited since)" it grew
    // the Test dock over the preview at 1280x800 (QA pass 26).
    void longStatusDoesNotWidenThePanel()
    {
        const int before = m_panel->minimumSizeHint().width();
        auto *status = m_panel->findChild<QLabel *>(QStringLiteral("runStatus"));
        QVERIFY(status);
        status->setText(
            QStringLiteral("Failed at a step with a rather long name (HTTP 500) after 123456 ms (and "
                           "98765 ms in the form)"));
        m_panel->findChild<QLabel *>(QStringLiteral("runStale"))->show();
        QVERIFY2(m_panel->minimumSizeHint().width() <=
                     before + status->fontMetrics().horizontalAdvance(QStringLiteral("(edited since)   ")),
                 qPrintable(QString::number(m_panel->minimumSizeHint().width())));
    }

    // The status is read before the title: in a dock with room for the status, the buttons and a little
    // of the title, the status shows whole and the title is the one cut (QA pass 47: split half and half,
    // "Succeeded in 16 ms (and 5734 ms in the fo…" beside a title with room to spare).
    void theStatusHasRoomBeforeTheTitle()
    {
        m_panel->setWorkflow(seedWalkthrough(QStringLiteral("return 1;")), initialScope(),
                             QStringLiteral("Seed walkthrough with a longer name than most"));
        auto *status = m_panel->findChild<ElidedLabel *>(QStringLiteral("runStatus"));
        auto *title = m_panel->findChild<ElidedLabel *>(QStringLiteral("runTitle"));
        auto *stale = m_panel->findChild<QLabel *>(QStringLiteral("runStale"));
        status->setText(QStringLiteral("Succeeded in 16 ms (and 5734 ms in the form)"));
        stale->show();
        const int room = status->sizeHint().width() + stale->sizeHint().width() +
            button("testButton")->sizeHint().width() + button("cancelButton")->sizeHint().width() + 120;
        QVERIFY(title->sizeHint().width() > 120);
        m_panel->resize(room, m_panel->height());
        QTRY_COMPARE(m_panel->width(), room);
        QTRY_VERIFY(!status->isElided());
        QVERIFY(title->isElided());
        QVERIFY(title->width() > 0);
    }

    // What a script logs shows in its run log row and in the Console pane, which appears with the first
    // line; the password the script logged is masked in both; selecting a step marks its lines. A script
    // that throws still shows what it logged, and a run that logs nothing hides the pane again.
    void consoleLinesShowInTheRunLogAndTheConsolePane()
    {
        const QString password = QStringLiteral("hunter22-secret");
        m_panel->setWorkflow(
            seedWalkthrough(QStringLiteral("const echoed = http1.body.json;\n"
                                           "console.log('echoed', echoed.email, echoed.password);\n"
                                           "console.warn('status', http1.status);\nreturn 1;")),
            initialScope(), QStringLiteral("Seed walkthrough"));
        // Nothing logged yet: no pane (it isn't even built, which start-up would pay for).
        QVERIFY(!m_panel->findChild<ConsoleView *>(QStringLiteral("runConsole")));

        DialogPrompter::setNextAnswer(credentials(password));
        QVERIFY(clickTestAndWait().succeeded());
        auto *console = m_panel->findChild<ConsoleView *>(QStringLiteral("runConsole"));
        QVERIFY(console);
        auto *text = console->findChild<QPlainTextEdit *>(QStringLiteral("consoleText"));
        QVERIFY(text);
        QVERIFY(console->isVisible());
        QVERIFY(text->isVisible());
        // Shown in the splitter after the others were laid out, it gets room for its lines.
        QTRY_VERIFY(text->viewport()->height() >= 2 * text->fontMetrics().lineSpacing());
        const QString logged =
            QStringLiteral("js1: console.log: echoed %1 ********").arg(DemoServer::demoEmail());
        QCOMPARE(text->toPlainText(), logged + QStringLiteral("\njs1: console.warn: status 200"));
        // A hanging indent: rows a logged line break starts are set in under their line (QA pass 26).
        QVERIFY(text->document()->firstBlock().blockFormat().leftMargin() > 0);
        QCOMPARE(text->document()->firstBlock().blockFormat().textIndent(),
                 -text->document()->firstBlock().blockFormat().leftMargin());
        QCOMPARE(console->findChild<QLabel *>(QStringLiteral("consoleTitle"))->text(),
                 QStringLiteral("Console (2 lines)"));
        RunLogModel *log = m_panel->runLogModel();
        QCOMPARE(
            cell(log, 2, RunLogModel::DetailColumn),
            QStringLiteral("console.log: echoed %1 ******** (+1 more line)").arg(DemoServer::demoEmail()));
        QVERIFY(
            !log->index(2, RunLogModel::DetailColumn).data(Qt::ToolTipRole).toString().contains(password));

        // Tab goes from the run log to the console and on to the scope's filter, and back (QA pass 24: the
        // console, built after the window, came last in the Tab cycle; Tab in the log went cell to cell).
        QTableView *logView = m_panel->findChild<QTableView *>(QStringLiteral("runLog"));
        m_panel->window()->activateWindow();
        logView->setFocus();
        QTRY_VERIFY(logView->hasFocus());
        QTest::keyClick(logView, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), text);
        QTest::keyClick(text, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("scopeFilter"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), text);

        // The last step is selected: js1's lines aren't marked until js1 is.
        QCOMPARE(m_panel->selectedRow(), 3);
        QCOMPARE(console->markedLines(), QStringList());
        QTableView *view = m_panel->findChild<QTableView *>(QStringLiteral("runLog"));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(log->index(2, 0)).center());
        QCOMPARE(m_panel->selectedRow(), 2);
        QCOMPARE(console->markedLines(),
                 (QStringList {logged, QStringLiteral("js1: console.warn: status 200")}));
        const auto markedBlocks = [text] {
            QSet<int> blocks;
            for (const QTextEdit::ExtraSelection &mark : text->extraSelections())
                blocks.insert(mark.cursor.block().blockNumber());
            return blocks;
        };
        QCOMPARE(markedBlocks(), (QSet<int> {0, 1})); // what is on screen
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(log->index(0, 0)).center());
        QCOMPARE(console->markedLines(), QStringList());
        QCOMPARE(markedBlocks(), QSet<int>());

        // A script that throws: what it logged before is there, its failing row selected and marked.
        JavaScriptStep throwing;
        throwing.code =
            QStringLiteral("console.error('giving up on', form1.password);\nthrow new Error('no token');");
        Workflow workflow;
        workflow.steps = {FormStep::withDefaultFields(QStringLiteral("form1")), throwing};
        m_panel->setWorkflow(workflow, initialScope(), QStringLiteral("Throwing"));
        DialogPrompter::setNextAnswer(credentials(password));
        QCOMPARE(clickTestAndWait().outcome, RunOutcome::Failed);
        QVERIFY(console->isVisible());
        QCOMPARE(text->toPlainText(), QStringLiteral("js1: console.error: giving up on ********"));
        QCOMPARE(m_panel->selectedRow(), 1);
        QCOMPARE(console->markedLines(), QStringList {text->toPlainText()});

        // Nothing logged: no pane.
        m_panel->setWorkflow(seedWalkthrough(QStringLiteral("return 1;")), initialScope(),
                             QStringLiteral("Seed walkthrough"));
        DialogPrompter::setNextAnswer(credentials(password));
        QVERIFY(clickTestAndWait().succeeded());
        QVERIFY(!console->isVisible());
        QCOMPARE(text->toPlainText(), QString());
    }

    void cancelDuringSlowRequestStopsTheRun()
    {
        ApiRequestStep slow;
        slow.method = QStringLiteral("GET");
        slow.url = QStringLiteral("{{ DEMO_API }}/delay/10000");
        Workflow workflow;
        workflow.steps = {slow, variable(QStringLiteral("AFTER"), QStringLiteral("1"), false)};
        m_panel->setWorkflow(workflow, initialScope(), QStringLiteral("Slow"));
        QSignalSpy finished(m_panel, &WorkflowRunPanel::runFinished);

        QTest::mouseClick(button("testButton"), Qt::LeftButton);
        QVERIFY(m_panel->isRunning());
        QVERIFY(!button("testButton")->isEnabled());
        QTRY_VERIFY(m_server->counters().requests == 1); // the request reached the server
        QCOMPARE(cell(m_panel->runLogModel(), 0, RunLogModel::StatusColumn), QStringLiteral("Running"));
        QVERIFY(button("cancelButton")->isEnabled());

        QTest::mouseClick(button("cancelButton"), Qt::LeftButton);
        QCOMPARE(finished.count(), 1); // at once, not when the server answers
        QCOMPARE(finished.first().first().value<RunResult>().outcome, RunOutcome::Cancelled);
        QVERIFY(!m_panel->isRunning());
        QVERIFY(button("testButton")->isEnabled());
        QVERIFY(!button("cancelButton")->isEnabled());
        QCOMPARE(m_panel->runLogModel()->rowCount(), 1);
        QCOMPARE(cell(m_panel->runLogModel(), 0, RunLogModel::StatusColumn), QStringLiteral("Cancelled"));
        QVERIFY(!m_panel->notificationText().isEmpty());
    }

    // A script that never ends leaves the window live, and Cancel stops it at once: after its first
    // WorkflowRunner::InlineScriptMs it runs on a thread of its own, so the click is handled while it loops.
    // The same for an expression in a request's header or a variable's value.
    void cancelDuringEndlessScriptStopsTheRun_data()
    {
        QTest::addColumn<Step>("endless");
        JavaScriptStep script;
        script.code = QStringLiteral("while (true) {}");
        QTest::newRow("JavaScript step") << Step(script);
        const QString loop = QStringLiteral("{{ (() => { while (true) {} })() }}");
        ApiRequestStep request;
        request.method = QStringLiteral("GET");
        request.url = QStringLiteral("{{ DEMO_API }}/me");
        request.headers = {{QStringLiteral("X-Slow"), loop}};
        QTest::newRow("API Request header") << Step(request);
        QTest::newRow("Define variable") << Step(variable(QStringLiteral("TOKEN"), loop, true));
    }
    void cancelDuringEndlessScriptStopsTheRun()
    {
        QFETCH(Step, endless);
        Workflow workflow;
        workflow.steps = {endless};
        m_panel->runner()->setScriptTimeoutMs(10 * 60 * 1000); // only Cancel can end it within the test
        m_panel->setWorkflow(workflow, initialScope(), QStringLiteral("Endless"));
        QSignalSpy finished(m_panel, &WorkflowRunPanel::runFinished);

        QTest::mouseClick(button("testButton"), Qt::LeftButton);
        QTRY_COMPARE(cell(m_panel->runLogModel(), 0, RunLogModel::StatusColumn), QStringLiteral("Running"));
        bool handled = false; // the event loop goes on: a queued call runs while the script loops
        QMetaObject::invokeMethod(
            m_panel, [&handled] { handled = true; }, Qt::QueuedConnection);
        QTRY_VERIFY(handled);
        QVERIFY(m_panel->isRunning());

        QTest::mouseClick(button("cancelButton"), Qt::LeftButton);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<RunResult>().outcome, RunOutcome::Cancelled);
        QCOMPARE(cell(m_panel->runLogModel(), 0, RunLogModel::StatusColumn), QStringLiteral("Cancelled"));
        QVERIFY(button("testButton")->isEnabled());
    }

    void realFormDialogDrivesTheRun()
    {
        Workflow workflow;
        workflow.steps = {FormStep::withDefaultFields(QStringLiteral("form1")),
                          postJson(QStringLiteral("{{ DEMO_API }}/login")),
                          variable(QStringLiteral("TOKEN"), QStringLiteral("{{ http1.body.token }}"))};
        m_panel->setWorkflow(workflow, initialScope(), QStringLiteral("Demo login"));
        QSignalSpy finished(m_panel, &WorkflowRunPanel::runFinished);

        QTest::mouseClick(button("testButton"), Qt::LeftButton);
        QTRY_VERIFY(qobject_cast<FormDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<FormDialog *>(QApplication::activeModalWidget());
        QCOMPARE(dialog->parentWidget(), m_panel);
        // While the form is open the panel stays live and can still cancel.
        QVERIFY(button("cancelButton")->isEnabled());
        QCOMPARE(cell(m_panel->runLogModel(), 0, RunLogModel::StatusColumn), QStringLiteral("Running"));

        QTest::keyClicks(dialog->fieldEdit(QStringLiteral("email")), DemoServer::demoEmail());
        QTest::keyClicks(dialog->fieldEdit(QStringLiteral("password")), DemoServer::demoPassword());
        QTest::keyClick(dialog->fieldEdit(QStringLiteral("password")), Qt::Key_Return);
        QVERIFY(finished.wait(20000));
        const RunResult result = finished.first().first().value<RunResult>();
        QVERIFY2(result.succeeded(), qPrintable(result.notification));
        QCOMPARE(result.scope.value(QStringLiteral("TOKEN")).toString().size(), 64);
        QCOMPARE(valueAt(m_panel->scopeModel(), {QStringLiteral("TOKEN")}), QStringLiteral("********"));
        QTRY_VERIFY(!QApplication::activeModalWidget());
    }

    // QA pass 35: 33 fields and a long label made a dialog taller than the screen, its buttons off it;
    // and the title bar cut the title that said which workflow asked.
    void aFormOfManyFieldsFitsTheScreenAndSaysWhoAsks()
    {
        FormStep form = FormStep::withDefaultFields(QStringLiteral("form1"));
        for (int i = 1; i <= 40; ++i) {
            FormField field;
            field.key = QStringLiteral("f%1").arg(i);
            field.label = i == 7 ? QString(150, u'L') + QStringLiteral(" long label")
                                 : QStringLiteral("Field %1").arg(i);
            form.fields.append(field);
        }
        Workflow workflow;
        workflow.steps = {form};
        m_panel->setWorkflow(workflow, initialScope(), QStringLiteral("Many fields"));
        QSignalSpy finished(m_panel, &WorkflowRunPanel::runFinished);
        QVERIFY(m_panel->start());
        QTRY_VERIFY(qobject_cast<FormDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<FormDialog *>(QApplication::activeModalWidget());
        auto *context = dialog->findChild<QLabel *>(QStringLiteral("formContext"));
        QVERIFY(context);
        QVERIFY2(context->text().contains(QStringLiteral("Many fields")) &&
                     context->text().contains(QStringLiteral("form1")),
                 qPrintable(context->text()));
        const QRect screen = dialog->screen()->availableGeometry();
        QVERIFY2(dialog->height() <= screen.height() && dialog->width() <= screen.width(),
                 qPrintable(QStringLiteral("%1x%2 on %3x%4")
                                .arg(dialog->width())
                                .arg(dialog->height())
                                .arg(screen.width())
                                .arg(screen.height())));
        QPushButton *ok = dialog->findChild<QPushButton *>(QStringLiteral("okButton"));
        QVERIFY(dialog->rect().contains(ok->geometry()));
        // The one long word of field 7's label wraps at the label's edge, every character of it shown,
        // and the tooltip has it whole (QA pass 40: it was cut mid-letter).
        QLabel *longLabel = qobject_cast<QLabel *>(
            dialog->findChild<QFormLayout *>()->labelForField(dialog->fieldEdit(QStringLiteral("f7"))));
        QVERIFY(longLabel);
        QVERIFY(longLabel->toolTip().startsWith(QString(150, u'L') + QStringLiteral(" long label")));
        QCOMPARE(QString(longLabel->text()).remove(QChar(0x200B)), longLabel->toolTip());
        const QFontMetrics metrics(longLabel->font());
        QVERIFY(longLabel->height() >= 4 * metrics.lineSpacing()); // 150 characters at 36 a line
        // The last field is reached by scrolling, and Enter in an incomplete form shows the one missing.
        QLineEdit *last = dialog->fieldEdit(QStringLiteral("f40"));
        QLineEdit *email = dialog->fieldEdit(QStringLiteral("email"));
        QTest::keyClicks(email, DemoServer::demoEmail());
        last->setFocus();
        QTest::keyClick(last, Qt::Key_Return);
        QTRY_VERIFY(dialog->fieldEdit(QStringLiteral("password"))->hasFocus());
        m_panel->cancel();
        QCOMPARE(finished.count(), 1);
    }

    // A form with no fields says what its OK does, where it showed an empty box (QA pass 42); OK goes on.
    void aFormWithNoFieldsSaysItAsksNothing()
    {
        FormStep form;
        form.name = QStringLiteral("form1");
        Workflow workflow;
        workflow.steps = {form};
        m_panel->setWorkflow(workflow, initialScope(), QStringLiteral("No fields"));
        QSignalSpy finished(m_panel, &WorkflowRunPanel::runFinished);
        QVERIFY(m_panel->start());
        QTRY_VERIFY(qobject_cast<FormDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<FormDialog *>(QApplication::activeModalWidget());
        auto *nothing = dialog->findChild<QLabel *>(QStringLiteral("formAsksNothing"));
        QVERIFY(nothing);
        QVERIFY(nothing->text().startsWith(QStringLiteral("This form asks nothing")));
        dialog->findChild<QPushButton *>(QStringLiteral("okButton"))->click();
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.first().first().value<RunResult>().succeeded());
    }

    void cancelWhileTheFormIsOpenClosesIt()
    {
        Workflow workflow;
        workflow.steps = {FormStep::withDefaultFields(QStringLiteral("form1"))};
        m_panel->setWorkflow(workflow, initialScope(), QStringLiteral("Form only"));
        QSignalSpy finished(m_panel, &WorkflowRunPanel::runFinished);
        QVERIFY(m_panel->start());
        QTRY_VERIFY(qobject_cast<FormDialog *>(QApplication::activeModalWidget()));
        QPointer<QWidget> dialog = QApplication::activeModalWidget();
        m_panel->cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<RunResult>().outcome, RunOutcome::Cancelled);
        QTRY_VERIFY(!dialog);
    }

    void customPrompter()
    {
        PresetPrompter preset;
        preset.setValue(QStringLiteral("form1.email"), DemoServer::demoEmail());
        preset.setValue(QStringLiteral("form1.password"), DemoServer::demoPassword());
        m_panel->setPrompter(&preset);
        QCOMPARE(m_panel->prompter(), &preset);
        Workflow workflow;
        workflow.steps = {FormStep::withDefaultFields(QStringLiteral("form1")),
                          postJson(QStringLiteral("{{ DEMO_API }}/login"))};
        m_panel->setWorkflow(workflow, initialScope(), QStringLiteral("Preset"));
        QVERIFY(clickTestAndWait().succeeded());
        QCOMPARE(preset.promptCount(), 1);
        m_panel->setPrompter(nullptr);
        QCOMPARE(m_panel->prompter(), m_panel->dialogPrompter());
    }
};

QTEST_MAIN(TestRunPanel)
#include "tst_runpanel.moc"
