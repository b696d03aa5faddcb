// The editor widgets over a real document: each widget edit is exactly one undoable step (typing in one
// field merges), undo and redo show up in the widgets, and the detail editors follow the selected step.
#include "document/DemoWorkspace.h"
#include "document/WorkspaceDocument.h"
#include "editor/ApiRequestStepEditor.h"
#include "editor/DefineVariableStepEditor.h"
#include "editor/FormFieldTableModel.h"
#include "editor/FormStepEditor.h"
#include "editor/JavaScriptStepEditor.h"
#include "editor/KeyValueTableEditor.h"
#include "editor/KeyValueTableModel.h"
#include "editor/KeyValueText.h"
#include "editor/ResourceEditor.h"
#include "editor/StepListModel.h"
#include "editor/WorkflowEditor.h"
#include "run/JsonBodyTemplate.h"
#include "run/JsonText.h"
#include "widgets/CodeEditor.h"
#include "widgets/ExpressionLineEdit.h"
#include "widgets/StudioColors.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QUndoStack>

#include <functional>

using namespace AuthStudio;

namespace {

std::unique_ptr<WorkspaceDocument> demoDocument()
{
    auto document = std::make_unique<WorkspaceDocument>();
    if (!document->loadData(DemoWorkspace::data(), QStringLiteral("demo")))
        qWarning("%s", qPrintable(document->errorString()));
    return document;
}

template<typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child named %s", qPrintable(name));
    return found;
}

void clearLine(QLineEdit *edit)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
}

// Shows a widget in its own active window, so that it and its children can take the keyboard focus.
bool showActive(QWidget *widget)
{
    widget->show();
    widget->activateWindow();
    return QTest::qWaitForWindowActive(widget);
}

// The widgets the Tab key visits inside `page`, starting from `first`, as a user pressing Tab sees them:
// until the focus leaves the page or comes back to a widget already visited (or stays put, in a text
// editor that takes Tab as a character).
QList<QWidget *> tabStops(QWidget *page, QWidget *first)
{
    QList<QWidget *> stops;
    first->setFocus(Qt::TabFocusReason);
    QWidget *focus = QApplication::focusWidget();
    while (focus && page->isAncestorOf(focus) && !stops.contains(focus)) {
        stops.append(focus);
        QTest::keyClick(focus, Qt::Key_Tab);
        focus = QApplication::focusWidget();
    }
    return stops;
}

QString describe(const QList<QWidget *> &widgets)
{
    QStringList names;
    for (const QWidget *widget : widgets)
        names.append(widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                                    : widget->objectName());
    return names.join(QStringLiteral(", "));
}

// Whether `next` comes after `previous` in reading order on `page`: below it, beside it to the right, or
// inside it (a scroll area that takes the focus, then what it holds).
bool followsVisually(QWidget *page, const QWidget *previous, const QWidget *next)
{
    const QRect a(previous->mapTo(page, QPoint(0, 0)), previous->size());
    const QRect b(next->mapTo(page, QPoint(0, 0)), next->size());
    const bool below = b.top() >= a.bottom() - 1;
    const bool besideRight = b.top() < a.bottom() && b.bottom() > a.top() && b.left() >= a.right() - 1;
    return below || besideRight || previous->isAncestorOf(next);
}

// The text a code editor marks as unknown names (red, wavy underline), in order.
QStringList markedUnknown(const QPlainTextEdit *editor)
{
    QStringList marked;
    const QList<QTextEdit::ExtraSelection> selections = editor->extraSelections();
    for (const QTextEdit::ExtraSelection &selection : selections) {
        if (selection.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            marked.append(selection.cursor.selectedText());
    }
    return marked;
}

} // namespace

class tst_Editors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void resourceFieldsTypingMergesAndUndoShows();
    void resourceCombosAndChecksAreOneStepEach();
    void lifetimeWrittenAsTextIsFlagged();
    void refreshBodyPatternIsOneUndoableEdit();
    void resourceEditorFollowsMovesAndRemoval();
    void workflowEditorsAreBuiltWhenTheirTabOpens();
    void workflowEditorAddsAndSelects();
    void workflowEditorActions();
    void aWholeResourceChangeShowsTheStepNowSelected();
    void apiRequestEditor();
    void deleteRemovesATableRow();
    void jsonValidation();
    void formatJsonSetsTheBodyOutAValueALine();
    void javaScriptEditor();
    void javaScriptEditorMarksCodeThatDoesntCompile();
    void renamingAStepRewritesLaterSteps();
    void renamingOntoANameInUseWarns();
    void renamingAVariableRewritesTheResource();
    void defineVariableEditor();
    void formStepEditor();
    void undoingARenameShowsTheRewrittenBodyAgain();
    void knownNamesReachExpressionFields();
    void keyValueTableEditor();
    void keyValueRowsMoveCopyAndPasteAsText();
    void keyValueTextReadsWhatPeoplePaste_data();
    void keyValueTextReadsWhatPeoplePaste();
    void aPastedCurlCommandSaysWhatItLeftOut();
    void aKeyWrittenIntoAParameterIsTinted();
    void aSelectedExpressionKeepsTheSelectionsText();
    void variableRowsSaveRefusesAreMarked();
    void headerRowsThatCouldInjectAreMarked();
    void addingARowEditsItsName();
    void sessionTabOrderFollowsTheLayout();
    void apiRequestTabOrderFollowsTheLayout();
    void workflowTabOrderFollowsTheLayout();
    void scriptReadingAStepItCantReadIsFlagged();
    void stepPagesSizeToTheCurrentStep();
};

void tst_Editors::resourceFieldsTypingMergesAndUndoShows()
{
    auto document = demoDocument();
    ResourceEditor editor(document.get());
    editor.setResource(1);
    editor.show();
    auto *baseUrl = child<ExpressionLineEdit>(&editor, QStringLiteral("baseUrl"));
    QCOMPARE(baseUrl->text(), QStringLiteral("{{ DEMO_API }}"));
    baseUrl->setFocus();
    baseUrl->end(false);
    QTest::keyClicks(baseUrl, QStringLiteral("/v1"));
    QCOMPARE(document->resource(1).baseUrl, QStringLiteral("{{ DEMO_API }}/v1"));
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Edit base URL"));

    auto *name = child<QLineEdit>(&editor, QStringLiteral("resourceName"));
    clearLine(name);
    QTest::keyClicks(name, QStringLiteral("Login API"));
    QCOMPARE(document->resource(1).name, QStringLiteral("Login API"));
    QCOMPARE(document->undoStack()->count(), 2);

    document->undoStack()->undo();
    QCOMPARE(name->text(), QStringLiteral("Demo login"));
    document->undoStack()->undo();
    QCOMPARE(baseUrl->text(), QStringLiteral("{{ DEMO_API }}"));
    document->undoStack()->redo();
    QCOMPARE(baseUrl->text(), QStringLiteral("{{ DEMO_API }}/v1"));

    // A duplicate name is shown as a problem, not refused while typing.
    clearLine(name);
    QTest::keyClicks(name, QStringLiteral("Seed walkthrough"));
    QVERIFY(child<QLabel>(&editor, QStringLiteral("resourceNameProblem"))->isVisible());
    // on both resources that share it, the first one too
    editor.setResource(0);
    QVERIFY(child<QLabel>(&editor, QStringLiteral("resourceNameProblem"))->isVisible());
}

void tst_Editors::resourceCombosAndChecksAreOneStepEach()
{
    auto document = demoDocument();
    ResourceEditor editor(document.get());
    editor.setResource(1);
    auto *method = child<QComboBox>(&editor, QStringLiteral("authMethod"));
    QCOMPARE(method->currentIndex(), 1);
    QVERIFY(editor.tabs()->isTabEnabled(ResourceEditor::AuthWorkflowTab));
    method->setCurrentIndex(0);
    QCOMPARE(document->resource(1).authMethod, Resource::AuthMethod::None);
    QVERIFY(!editor.tabs()->isTabEnabled(ResourceEditor::AuthWorkflowTab));
    QCOMPARE(document->undoStack()->count(), 1);

    auto *kind = child<QComboBox>(&editor, QStringLiteral("resourceKind"));
    QCOMPARE(kind->count(), 4);
    QVERIFY(kind->itemText(1).contains(QStringLiteral("coming later")));

    editor.tabs()->setCurrentIndex(ResourceEditor::SessionTab); // built when it first opens
    auto *trigger = child<QComboBox>(&editor, QStringLiteral("refreshTrigger"));
    auto *mode = child<QComboBox>(&editor, QStringLiteral("expiresMode"));
    auto *expression = child<ExpressionLineEdit>(&editor, QStringLiteral("expiresExpression"));
    QCOMPARE(trigger->currentIndex(), int(CustomAuth::RefreshTrigger::TimeBased));
    QCOMPARE(mode->currentIndex(), 1);
    QCOMPARE(expression->text(), QStringLiteral("{{ EXPIRES_IN }}"));
    mode->setCurrentIndex(0);
    QCOMPARE(document->resource(1).customAuth.expiresIn, QStringLiteral("3600"));
    auto *seconds = child<QSpinBox>(&editor, QStringLiteral("expiresSeconds"));
    seconds->setValue(60);
    seconds->setValue(90);
    QCOMPARE(document->resource(1).customAuth.expiresIn, QStringLiteral("90"));
    QCOMPARE(document->undoStack()->count(), 3); // method, mode, lifetime (merged)
    document->undoStack()->undo();
    document->undoStack()->undo();
    QCOMPARE(mode->currentIndex(), 1);
    QCOMPARE(expression->text(), QStringLiteral("{{ EXPIRES_IN }}"));

    // The session settings apply to custom auth only.
    method->setCurrentIndex(1);
    auto *runWithoutPrompt = child<QCheckBox>(&editor, QStringLiteral("runWithoutPrompt"));
    runWithoutPrompt->click();
    QVERIFY(document->resource(1).customAuth.runWithoutPrompt);
    auto *timeout = child<QSpinBox>(&editor, QStringLiteral("loginTimeout"));
    timeout->setValue(600);
    QCOMPARE(document->resource(1).customAuth.loginTimeoutSeconds, 600);
    auto *statuses = child<QLineEdit>(&editor, QStringLiteral("refreshOnStatuses"));
    QCOMPARE(statuses->text(), QStringLiteral("401, 403"));
    clearLine(statuses);
    QTest::keyClicks(statuses, QStringLiteral("401"));
    QCOMPARE(document->resource(1).customAuth.refreshOnStatuses, QList<int> {401});
    auto *statusesProblem = child<QLabel>(&editor, QStringLiteral("refreshOnStatusesProblem"));
    QVERIFY(statusesProblem->isHidden());
    // An entry that is no status is named, and nothing is applied until it is fixed: dropping it
    // silently would change what the refresh reacts to.
    QTest::keyClicks(statuses, QStringLiteral(", 403, abc, 99999")); // valid up to "401, 403"
    QCOMPARE(document->resource(1).customAuth.refreshOnStatuses, (QList<int> {401, 403}));
    QVERIFY(!statusesProblem->isHidden());
    QVERIFY2(statusesProblem->text().contains(QStringLiteral("abc, 99999")),
             qPrintable(statusesProblem->text()));
    QVERIFY2(statusesProblem->text().contains(QStringLiteral("keeps 401")),
             qPrintable(statusesProblem->text()));
    QCOMPARE(statuses->text(), QStringLiteral("401, 403, abc, 99999")); // left as typed
    for (int i = 0; i < 12; ++i)
        QTest::keyClick(statuses, Qt::Key_Backspace);
    QCOMPARE(statuses->text(), QStringLiteral("401, 403"));
    QCOMPARE(document->resource(1).customAuth.refreshOnStatuses, (QList<int> {401, 403}));
    QVERIFY(statusesProblem->isHidden());
    trigger->setCurrentIndex(int(CustomAuth::RefreshTrigger::EveryQuery));
    QCOMPARE(document->resource(1).customAuth.refreshTrigger, CustomAuth::RefreshTrigger::EveryQuery);
    QVERIFY(!mode->isEnabled());
    // Failed queries start a refresh whatever the trigger, so which failures do stays editable.
    trigger->setCurrentIndex(int(CustomAuth::RefreshTrigger::None));
    QVERIFY(statuses->isEnabled());
    QVERIFY(child<QLineEdit>(&editor, QStringLiteral("refreshOnBodyPattern"))->isEnabled());
}

// Start-up builds only the visible General tab; the workflow and Session tabs are built when they open,
// bound to the current resource.
void tst_Editors::workflowEditorsAreBuiltWhenTheirTabOpens()
{
    auto document = demoDocument();
    ResourceEditor editor(document.get());
    editor.setResource(1);
    editor.show();
    QVERIFY(!editor.findChild<WorkflowEditor *>(QStringLiteral("authWorkflowEditor")));
    QVERIFY(!editor.findChild<WorkflowEditor *>(QStringLiteral("refreshWorkflowEditor")));
    editor.tabs()->setCurrentIndex(ResourceEditor::RefreshWorkflowTab);
    auto *refresh = child<WorkflowEditor>(&editor, QStringLiteral("refreshWorkflowEditor"));
    QVERIFY(refresh->isVisible());
    QCOMPARE(refresh->resource(), 1);
    QVERIFY(!editor.findChild<WorkflowEditor *>(QStringLiteral("authWorkflowEditor")));
    editor.setResource(0);
    QCOMPARE(refresh->resource(), 0);
    QCOMPARE(editor.workflowEditor(WorkflowKind::Auth)->resource(), 0);

    // The Session tab too, showing the current resource's values when it opens.
    QVERIFY(!editor.findChild<QComboBox *>(QStringLiteral("refreshTrigger")));
    editor.setResource(1);
    editor.tabs()->setCurrentIndex(ResourceEditor::SessionTab);
    auto *trigger = child<QComboBox>(&editor, QStringLiteral("refreshTrigger"));
    QVERIFY(trigger->isVisible());
    QCOMPARE(trigger->currentIndex(), int(document->resource(1).customAuth.refreshTrigger));
    QCOMPARE(child<QSpinBox>(&editor, QStringLiteral("loginTimeout"))->value(),
             document->resource(1).customAuth.loginTimeoutSeconds);
    // The Login and Refresh boxes share one label column: their fields start at the same x.
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const auto fieldX = [&editor](const QString &name) {
        QWidget *field = editor.findChild<QWidget *>(name);
        return field ? field->mapTo(&editor, QPoint(0, 0)).x() : -1;
    };
    QVERIFY(fieldX(QStringLiteral("loginTestUrl")) > 0);
    QCOMPARE(fieldX(QStringLiteral("loginTestUrl")), fieldX(QStringLiteral("refreshTrigger")));
    QCOMPARE(fieldX(QStringLiteral("loginTimeout")), fieldX(QStringLiteral("refreshOnBodyPattern")));
}

// QA pass 23: "abc", "0" or "0.5" as the lifetime were only reported by a run ("time-based refresh is
// off"); validate accepted them. Save refuses them now, and the field says so as it is typed.
void tst_Editors::lifetimeWrittenAsTextIsFlagged()
{
    auto document = demoDocument();
    ResourceEditor editor(document.get());
    editor.setResource(1);
    editor.tabs()->setCurrentIndex(ResourceEditor::SessionTab);
    editor.show();
    QCOMPARE(document->resource(1).customAuth.refreshTrigger, CustomAuth::RefreshTrigger::TimeBased);
    auto *mode = child<QComboBox>(&editor, QStringLiteral("expiresMode"));
    auto *expression = child<QLineEdit>(&editor, QStringLiteral("expiresExpression"));
    auto *problem = child<QLabel>(&editor, QStringLiteral("expiresProblem"));
    QCOMPARE(mode->currentIndex(), 1); // From an expression
    QVERIFY(expression->isEnabled());
    QVERIFY(!problem->isVisible());

    expression->setFocus();
    clearLine(expression);
    QTest::keyClicks(expression, QStringLiteral("abc"));
    QVERIFY(problem->isVisible());
    QVERIFY2(
        problem->text().startsWith(QStringLiteral("The session lifetime 'abc' is not a number of seconds")),
        qPrintable(problem->text()));
    QVERIFY(!document->keepsFileRules());
    clearLine(expression);
    QTest::keyClicks(expression, QStringLiteral("0.5"));
    QVERIFY2(problem->text().contains(QStringLiteral("at least 1 second")), qPrintable(problem->text()));
    // A number typed as the expression stays one while it is typed (its first digit used to switch the
    // field to seconds, off, and the rest of the typing was lost).
    QCOMPARE(mode->currentIndex(), 1);
    QVERIFY(expression->isEnabled());
    QCOMPARE(document->resource(1).customAuth.expiresIn, QStringLiteral("0.5"));

    clearLine(expression);
    QTest::keyClicks(expression, QStringLiteral("{{ EXPIRES_IN }}"));
    QVERIFY(!problem->isVisible());
    QVERIFY(document->keepsFileRules());
    QCOMPARE(document->resource(1).customAuth.expiresIn, QStringLiteral("{{ EXPIRES_IN }}"));

    // None at all is allowed, and said: the empty field's hint read like a value (QA pass 38).
    clearLine(expression);
    QVERIFY(expression->placeholderText().startsWith(QStringLiteral("e.g. ")));
    QVERIFY(problem->isVisible());
    QVERIFY2(
        problem->text().startsWith(QStringLiteral("Time-based refresh has no session lifetime set, so it "
                                                  "is off")),
        qPrintable(problem->text()));
    QVERIFY(document->keepsFileRules());
    // Another trigger needs no lifetime.
    auto *trigger = child<QComboBox>(&editor, QStringLiteral("refreshTrigger"));
    trigger->setCurrentIndex(int(CustomAuth::RefreshTrigger::None));
    QVERIFY(!problem->isVisible());
}

void tst_Editors::refreshBodyPatternIsOneUndoableEdit()
{
    auto document = demoDocument();
    ResourceEditor editor(document.get());
    editor.setResource(1);
    editor.tabs()->setCurrentIndex(ResourceEditor::SessionTab);
    editor.show();
    auto *pattern = child<QLineEdit>(&editor, QStringLiteral("refreshOnBodyPattern"));
    auto *problem = child<QLabel>(&editor, QStringLiteral("refreshOnBodyPatternProblem"));
    QVERIFY(pattern && problem);
    QVERIFY(!pattern->toolTip().isEmpty());
    QCOMPARE(pattern->accessibleName(), QStringLiteral("Refresh on body pattern"));
    QVERIFY(pattern->isEnabled());
    QCOMPARE(pattern->text(), QString());

    // Typing a pattern is one undoable step that lands in the model.
    pattern->setFocus();
    QTest::keyClicks(pattern, QStringLiteral("token (expired|revoked)"));
    QCOMPARE(document->resource(1).customAuth.refreshOnBodyPattern,
             QStringLiteral("token (expired|revoked)"));
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Edit refresh body pattern"));
    QVERIFY(!problem->isVisible());

    document->undoStack()->undo();
    QCOMPARE(document->resource(1).customAuth.refreshOnBodyPattern, QString());
    QCOMPARE(pattern->text(), QString());
    document->undoStack()->redo();
    QCOMPARE(document->resource(1).customAuth.refreshOnBodyPattern,
             QStringLiteral("token (expired|revoked)"));
    QCOMPARE(pattern->text(), QStringLiteral("token (expired|revoked)"));

    // An invalid expression is flagged while typing (kept as typed, like a duplicate name), and the flag
    // goes away when it is fixed, including through undo.
    pattern->setFocus();
    pattern->end(false);
    QTest::keyClick(pattern, Qt::Key_Backspace);
    QCOMPARE(document->resource(1).customAuth.refreshOnBodyPattern, QStringLiteral("token (expired|revoked"));
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("regular expression")), qPrintable(problem->text()));
    QTest::keyClick(pattern, Qt::Key_ParenRight);
    QVERIFY(!problem->isVisible());
    QTest::keyClick(pattern, Qt::Key_Backspace);
    QVERIFY(problem->isVisible());
    // Typing on at the top of the stack merges into the same step (as in every field), so one undo
    // restores the field to empty and clears the flag.
    QCOMPARE(document->undoStack()->count(), 1);
    document->undoStack()->undo();
    QCOMPARE(document->resource(1).customAuth.refreshOnBodyPattern, QString());
    QCOMPARE(pattern->text(), QString());
    QVERIFY(!problem->isVisible());
}

void tst_Editors::resourceEditorFollowsMovesAndRemoval()
{
    auto document = demoDocument();
    ResourceEditor editor(document.get());
    editor.setResource(1);
    document->moveResource(1, 0);
    QCOMPARE(editor.resource(), 0);
    QCOMPARE(child<QLineEdit>(&editor, QStringLiteral("resourceName"))->text(), QStringLiteral("Demo login"));
    QCOMPARE(editor.workflowEditor(WorkflowKind::Auth)->resource(), 0);
    document->removeResource(0);
    QCOMPARE(editor.resource(), -1);
    document->undoStack()->undo();
    editor.setResource(0);
    QCOMPARE(child<QLineEdit>(&editor, QStringLiteral("resourceName"))->text(), QStringLiteral("Demo login"));
    document->newWorkspace();
    QCOMPARE(editor.resource(), -1);
}

void tst_Editors::workflowEditorAddsAndSelects()
{
    auto document = demoDocument();
    document->addNewResource();
    WorkflowEditor editor(document.get(), WorkflowKind::Auth);
    editor.setResource(2);
    QCOMPARE(editor.stepModel()->rowCount(), 0);
    QCOMPARE(editor.currentStepEditor(), nullptr);
    // Insert in the empty list offers the step types, as in one with steps (QA pass 36 saw nothing).
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    editor.stepView()->setFocus();
    QTRY_VERIFY(editor.stepView()->hasFocus());
    QTest::keyClick(editor.stepView(), Qt::Key_Insert);
    QTRY_VERIFY(QApplication::activePopupWidget());
    QApplication::activePopupWidget()->close();

    editor.addStepAction(StepType::Form)->trigger();
    QCOMPARE(editor.currentStep(), 0);
    auto *form = qobject_cast<FormStepEditor *>(editor.currentStepEditor());
    QVERIFY(form);
    QCOMPARE(form->nameEdit()->text(), QStringLiteral("form1"));
    QCOMPARE(std::get<FormStep>(document->step({2, WorkflowKind::Auth, 0})),
             FormStep::withDefaultFields(QStringLiteral("form1")));

    editor.addStepAction(StepType::ApiRequest)->trigger();
    editor.addStepAction(StepType::ApiRequest)->trigger();
    QCOMPARE(stepName(document->step({2, WorkflowKind::Auth, 2})), QStringLiteral("http2"));
    QVERIFY(qobject_cast<ApiRequestStepEditor *>(editor.currentStepEditor()));
    editor.addStepAction(StepType::JavaScript)->trigger();
    editor.addStepAction(StepType::DefineVariable)->trigger();
    QCOMPARE(editor.stepModel()->rowCount(), 5);
    QVERIFY(qobject_cast<DefineVariableStepEditor *>(editor.currentStepEditor()));
    QCOMPARE(document->undoStack()->count(), 6); // the resource and five steps

    editor.setCurrentStep(0);
    QVERIFY(qobject_cast<FormStepEditor *>(editor.currentStepEditor()));
    // Undoing the add of the selected step shows another one.
    editor.setCurrentStep(4);
    document->undoStack()->undo();
    QCOMPARE(editor.stepModel()->rowCount(), 4);
    QVERIFY(editor.currentStep() < 4);
}

// A change of the whole resource (Undo of "Restore unsaved changes", Reload from disk) can put a step of
// another kind at the selected row: the detail shows that step's editor, as the list does (QA pass 47:
// js1 selected, PASSWORD's editor shown, greyed).
void tst_Editors::aWholeResourceChangeShowsTheStepNowSelected()
{
    auto document = demoDocument();
    WorkflowEditor editor(document.get(), WorkflowKind::Auth);
    editor.setResource(0); // the seed walkthrough: form1, http1, js1, PASSWORD
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    const Resource before = document->resource(0);
    QCOMPARE(stepName(before.customAuth.authWorkflow.steps.at(2)), QStringLiteral("js1"));
    QCOMPARE(stepName(before.customAuth.authWorkflow.steps.at(3)), QStringLiteral("PASSWORD"));
    Resource swapped = before;
    swapped.customAuth.authWorkflow.steps.swapItemsAt(2, 3);
    document->setResource(0, swapped, QStringLiteral("Restore unsaved changes"));
    editor.setCurrentStep(2);
    QVERIFY(qobject_cast<DefineVariableStepEditor *>(editor.currentStepEditor()));

    document->undoStack()->undo();
    QCOMPARE(editor.currentStep(), 2);
    auto *shown = qobject_cast<JavaScriptStepEditor *>(editor.currentStepEditor());
    QVERIFY(shown);
    QVERIFY(shown->isEnabled());
    QCOMPARE(shown->nameEdit()->text(), QStringLiteral("js1"));
}

void tst_Editors::workflowEditorActions()
{
    auto document = demoDocument();
    WorkflowEditor editor(document.get(), WorkflowKind::Auth);
    editor.setResource(1);
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    QCOMPARE(editor.currentStep(), 0);
    auto *up = child<QAction>(&editor, QStringLiteral("moveStepUp"));
    auto *down = child<QAction>(&editor, QStringLiteral("moveStepDown"));
    QVERIFY(!up->isEnabled());
    QVERIFY(down->isEnabled());
    down->trigger();
    QCOMPARE(editor.currentStep(), 1);
    QCOMPARE(stepName(document->step({1, WorkflowKind::Auth, 1})), QStringLiteral("form1"));
    QVERIFY(up->isEnabled());

    // Ctrl+Up on the list moves it back.
    editor.stepView()->setFocus();
    QTest::keyClick(editor.stepView(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(stepName(document->step({1, WorkflowKind::Auth, 0})), QStringLiteral("form1"));
    QCOMPARE(editor.currentStep(), 0);

    child<QAction>(&editor, QStringLiteral("duplicateStep"))->trigger();
    QCOMPARE(editor.currentStep(), 1);
    QCOMPARE(stepName(document->step({1, WorkflowKind::Auth, 1})), QStringLiteral("form2"));
    auto *toggle = child<QAction>(&editor, QStringLiteral("toggleStepEnabled"));
    QVERIFY(toggle->isChecked());
    toggle->trigger();
    QVERIFY(!stepEnabled(document->step({1, WorkflowKind::Auth, 1})));
    QVERIFY(!toggle->isChecked());
    child<QAction>(&editor, QStringLiteral("removeStep"))->trigger();
    QCOMPARE(editor.stepModel()->rowCount(), 5);
    QCOMPARE(document->undoStack()->count(), 5); // down, up, duplicate, disable, remove
    while (document->undoStack()->canUndo())
        document->undoStack()->undo();
    QCOMPARE(document->workflow(1, WorkflowKind::Auth).steps.size(), 5);
    QVERIFY(!document->isModified());

    // Removing the step before the last: the list moves to the next row while the document has one step
    // fewer, which used to bind the step editor to a step that was gone (a crash). The step that took
    // the removed one's place is shown, in its own editor.
    QSignalSpy stepChanges(&editor, &WorkflowEditor::currentStepChanged);
    editor.setCurrentStep(3);
    const Step last = document->step({1, WorkflowKind::Auth, 4});
    child<QAction>(&editor, QStringLiteral("removeStep"))->trigger();
    QCOMPARE(editor.stepModel()->rowCount(), 4);
    QCOMPARE(editor.currentStep(), 3);
    QVERIFY(editor.currentStepEditor());
    QCOMPARE(editor.currentStepEditor()->stepRef().step, 3);
    QCOMPARE(editor.currentStepEditor()->stepType(), stepType(last));
    QCOMPARE(stepChanges.constLast().constFirst().toInt(), 3);
    document->undoStack()->undo();
    QCOMPARE(editor.stepModel()->rowCount(), 5);
    // And a step in the middle: its next neighbour is shown, never a step in between for a moment.
    editor.setCurrentStep(1);
    const Step third = document->step({1, WorkflowKind::Auth, 2});
    child<QAction>(&editor, QStringLiteral("removeStep"))->trigger();
    QCOMPARE(editor.currentStep(), 1);
    QCOMPARE(editor.currentStepEditor()->stepType(), stepType(third));
    document->undoStack()->undo();

    // The handle between the list and the step's editor, dragged all the way left, leaves the list.
    auto *splitter = child<QSplitter>(&editor, QStringLiteral("workflowSplitter"));
    QSplitterHandle *handle = splitter->handle(1);
    const QPoint grip = handle->rect().center();
    QTest::mousePress(handle, Qt::LeftButton, {}, grip);
    QTest::mouseMove(handle, grip - QPoint(splitter->width(), 0));
    QTest::mouseRelease(handle, Qt::LeftButton, {}, grip - QPoint(splitter->width(), 0));
    QVERIFY2(splitter->sizes().constFirst() >= splitter->widget(0)->minimumSizeHint().width(),
             qPrintable(QString::number(splitter->sizes().constFirst())));

    // The list keeps the width it was dragged to: squeezed while a dock beside the editor takes the room,
    // it gets that width back when the room returns.
    editor.resize(1000, editor.height());
    const int listMinimum = splitter->widget(0)->minimumSizeHint().width();
    QTest::mousePress(handle, Qt::LeftButton, {}, grip);
    QTest::mouseMove(handle, grip + QPoint(80, 0));
    QTest::mouseRelease(handle, Qt::LeftButton, {}, grip + QPoint(80, 0));
    const int chosen = splitter->sizes().constFirst();
    QVERIFY2(chosen > listMinimum + 40, qPrintable(QString::number(chosen)));
    const int editorMinimum = splitter->widget(1)->minimumSizeHint().width();
    editor.resize(listMinimum + editorMinimum + splitter->handleWidth() + 20, editor.height());
    QTRY_VERIFY2(splitter->sizes().constFirst() < chosen,
                 qPrintable(QString::number(splitter->sizes().constFirst())));
    editor.resize(1000, editor.height());
    QTRY_COMPARE(splitter->sizes().constFirst(), chosen);

    // Built while squeezed (the preview was open when the workflow tab was first shown), the list gets its
    // width, with all its tool bar's buttons, once the room is there.
    WorkflowEditor squeezed(document.get(), WorkflowKind::Auth);
    squeezed.setResource(0);
    auto *squeezedSplitter = child<QSplitter>(&squeezed, QStringLiteral("workflowSplitter"));
    squeezed.resize(squeezedSplitter->minimumSizeHint().width(), 500);
    squeezed.show();
    QVERIFY(QTest::qWaitForWindowExposed(&squeezed));
    squeezed.resize(1000, 500);
    QTRY_VERIFY2(squeezedSplitter->sizes().constFirst() >= 260,
                 qPrintable(QString::number(squeezedSplitter->sizes().constFirst())));
}

// Delete in a header or parameter table removes the selected row, as it removes a step in the step list
// (QA pass 39: only the Remove button did); in a cell being edited, Delete is the text's.
void tst_Editors::deleteRemovesATableRow()
{
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.setCurrentStep(1);
    workflow.show();
    QVERIFY(QTest::qWaitForWindowActive(&workflow));
    auto *editor = qobject_cast<ApiRequestStepEditor *>(workflow.currentStepEditor());
    const auto headers = [&document] {
        return std::get<ApiRequestStep>(document->step({0, WorkflowKind::Auth, 1})).headers;
    };
    KeyValueTableEditor *table = editor->headersEditor();
    table->addRow();
    QApplication::processEvents();
    table->view()->setFocus(); // ends the name's edit, as leaving the cell does
    table->addRow();
    table->view()->setFocus();
    QCOMPARE(headers().size(), 2);
    table->view()->setCurrentIndex(table->model()->index(0, 1));
    QTRY_VERIFY(table->view()->hasFocus());
    QTest::keyClick(table->view(), Qt::Key_Delete);
    QCOMPARE(headers().size(), 1);
}

void tst_Editors::apiRequestEditor()
{
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.setCurrentStep(1);
    auto *editor = qobject_cast<ApiRequestStepEditor *>(workflow.currentStepEditor());
    QVERIFY(editor);
    QCOMPARE(editor->methodCombo()->currentText(), QStringLiteral("POST"));
    QCOMPARE(editor->urlEdit()->text(), QStringLiteral("{{ DEMO_API }}/post"));
    // The empty URL's example names this workspace's address variable, and the refresh endpoint in a
    // refresh workflow (QA pass 38: always "{{ DEMO_API }}/login").
    QCOMPARE(editor->urlEdit()->placeholderText(), QStringLiteral("e.g. {{ DEMO_API }}/login"));
    {
        WorkflowEditor refresh(document.get(), WorkflowKind::Refresh);
        refresh.setResource(1);
        refresh.setCurrentStep(0);
        auto *refreshRequest = qobject_cast<ApiRequestStepEditor *>(refresh.currentStepEditor());
        QVERIFY(refreshRequest);
        QCOMPARE(refreshRequest->urlEdit()->placeholderText(), QStringLiteral("e.g. {{ DEMO_API }}/refresh"));
        document->setVariables({{QStringLiteral("API"), QStringLiteral("https://api.test")}},
                               QStringLiteral("Rename"));
        QCOMPARE(refreshRequest->urlEdit()->placeholderText(), QStringLiteral("e.g. {{ API }}/refresh"));
        document->setVariables({}, QStringLiteral("Remove"));
        QCOMPARE(refreshRequest->urlEdit()->placeholderText(),
                 QStringLiteral("e.g. https://api.example.com/refresh"));
        document->undoStack()->undo();
        document->undoStack()->undo();
    }
    QCOMPARE(editor->bodyKindCombo()->currentIndex(), 1);
    QVERIFY(editor->jsonBodyEdit()->toPlainText().contains(QStringLiteral("form1.email")));

    editor->methodCombo()->setCurrentText(QStringLiteral("PUT"));
    QCOMPARE(std::get<ApiRequestStep>(document->step({0, WorkflowKind::Auth, 1})).method,
             QStringLiteral("PUT"));
    editor->urlEdit()->setFocus();
    editor->urlEdit()->end(false);
    QTest::keyClicks(editor->urlEdit(), QStringLiteral("?x=1"));
    QCOMPARE(std::get<ApiRequestStep>(document->step({0, WorkflowKind::Auth, 1})).url,
             QStringLiteral("{{ DEMO_API }}/post?x=1"));
    QCOMPARE(document->undoStack()->count(), 2);
    // A URL that can't be whole (the base URL isn't put in front of a step's) is said while typing, not
    // when a run gets there (QA pass 35); one still being typed isn't.
    auto *urlProblem = child<QLabel>(editor, QStringLiteral("requestUrlProblem"));
    QVERIFY(urlProblem->isHidden());
    for (const QString &partial : {QStringLiteral("h"), QStringLiteral("http:/"), QStringLiteral("HTTPS://x"),
                                   QStringLiteral("{"), QStringLiteral(" {{ API }}/x")}) {
        editor->urlEdit()->setText(partial);
        Q_EMIT editor->urlEdit()->textEdited(partial);
        QVERIFY2(urlProblem->isHidden(), qPrintable(partial));
    }
    editor->urlEdit()->setText(QStringLiteral("/post"));
    Q_EMIT editor->urlEdit()->textEdited(QStringLiteral("/post"));
    QVERIFY(!urlProblem->isHidden());
    QVERIFY2(urlProblem->text().contains(QStringLiteral("base URL isn't put in front")),
             qPrintable(urlProblem->text()));
    document->undoStack()->undo(); // the typed URLs, one merged step
    QVERIFY(urlProblem->isHidden());
    document->undoStack()->redo();
    QVERIFY(!urlProblem->isHidden());
    QCOMPARE(document->undoStack()->count(), 2);
    editor->headersEditor()->addRow();
    QCOMPARE(std::get<ApiRequestStep>(document->step({0, WorkflowKind::Auth, 1})).headers.size(), 1);
    editor->bodyKindCombo()->setCurrentIndex(2);
    QCOMPARE(std::get<ApiRequestStep>(document->step({0, WorkflowKind::Auth, 1})).body.kind,
             RequestBody::Kind::FormUrlEncoded);
    QCOMPARE(document->undoStack()->count(), 4);

    while (document->undoStack()->canUndo())
        document->undoStack()->undo();
    QCOMPARE(editor->methodCombo()->currentText(), QStringLiteral("POST"));
    QCOMPARE(editor->urlEdit()->text(), QStringLiteral("{{ DEMO_API }}/post"));
    QCOMPARE(editor->bodyKindCombo()->currentIndex(), 1);
    QCOMPARE(editor->headersEditor()->model()->rowCount(), 0);
}

// A minified body on one long line takes Qt a relayout of the whole line at each key (about 0.2 s at 1.5
// MB, QA pass 39): the status says so, and Format JSON sets it out a value a line, keys in their order and
// values as written, in one undo step; what is sent stays the same.
void tst_Editors::formatJsonSetsTheBodyOutAValueALine()
{
    QCOMPARE(
        JsonText::indented(u"{\"b\":1.50,\"a\":[ ],\"s\":\"x\\\"{{ y }},:[\",\"o\":{\"n\":null,\"e\":{}}}"),
        QStringLiteral("{\n  \"b\": 1.50,\n  \"a\": [],\n  \"s\": \"x\\\"{{ y }},:[\",\n  \"o\": {\n    "
                       "\"n\": null,\n    \"e\": {}\n  }\n}"));
    QCOMPARE(JsonText::indented(u" \"lone\" "), QStringLiteral("\"lone\""));

    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.setCurrentStep(1);
    workflow.show();
    auto *editor = qobject_cast<ApiRequestStepEditor *>(workflow.currentStepEditor());
    QToolButton *format = editor->formatJsonButton();
    QVERIFY(format->isVisible());
    QVERIFY(format->isEnabled());
    const StepRef http1 {0, WorkflowKind::Auth, 1};
    const auto bodyText = [&document, &http1] {
        return std::get<ApiRequestStep>(document->step(http1)).body.text;
    };

    QString minified = QStringLiteral("{\"z\": \"{{ form1.email }}\", \"items\": [");
    for (int i = 0; i < 2000; ++i)
        minified += QStringLiteral("{\"id\": %1, \"name\": \"item %1\"},").arg(i);
    minified += QStringLiteral("{}]}");
    ApiRequestStep step = std::get<ApiRequestStep>(document->step(http1));
    step.body.text = minified;
    document->setStep(http1, step, QStringLiteral("Big body"));
    QTRY_VERIFY2(editor->jsonStatus().contains(QStringLiteral("slow to edit")),
                 qPrintable(editor->jsonStatus()));
    const int undoSteps = document->undoStack()->count();
    const QByteArray sentBefore =
        JsonBodyTemplate::parse(minified)->isValid() ? minified.toUtf8() : QByteArray();
    QVERIFY(!sentBefore.isEmpty());

    QTest::mouseClick(format, Qt::LeftButton);
    const QString formatted = bodyText();
    QVERIFY(
        formatted.startsWith(QStringLiteral("{\n  \"z\": \"{{ form1.email }}\",\n  \"items\": [\n    {\n")));
    QCOMPARE(editor->jsonBodyEdit()->toPlainText(), formatted);
    QCOMPARE(document->undoStack()->count(), undoSteps + 1);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Format JSON body"));
    QTRY_COMPARE(editor->jsonStatus(), QStringLiteral("Valid JSON."));
    // The same JSON, so the same request.
    QCOMPARE(QJsonDocument::fromJson(formatted.toUtf8()), QJsonDocument::fromJson(minified.toUtf8()));
    // Set out already: Format changes nothing.
    QTest::mouseClick(format, Qt::LeftButton);
    QCOMPARE(document->undoStack()->count(), undoSteps + 1);
    document->undoStack()->undo();
    QCOMPARE(bodyText(), minified);
    QCOMPARE(editor->jsonBodyEdit()->toPlainText(), minified);

    // Not valid JSON: nothing to format; another body kind: no button.
    editor->jsonBodyEdit()->setFocus();
    editor->jsonBodyEdit()->moveCursor(QTextCursor::Start);
    QTest::keyClicks(editor->jsonBodyEdit(), QStringLiteral("x"));
    QTRY_VERIFY(!format->isEnabled());
    editor->bodyKindCombo()->setCurrentIndex(3); // Raw
    QVERIFY(!format->isVisible());
}

void tst_Editors::jsonValidation()
{
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.setCurrentStep(1);
    auto *editor = qobject_cast<ApiRequestStepEditor *>(workflow.currentStepEditor());
    QCOMPARE(editor->jsonStatus(), QStringLiteral("Valid JSON."));
    QPlainTextEdit *body = editor->jsonBodyEdit();
    body->setFocus();
    body->moveCursor(QTextCursor::End);
    QTest::keyClicks(body, QStringLiteral(","));
    QVERIFY2(editor->jsonStatus().contains(QStringLiteral("Not valid JSON")),
             qPrintable(editor->jsonStatus()));
    QVERIFY2(editor->jsonStatus().contains(QStringLiteral("line 1")), qPrintable(editor->jsonStatus()));
    // Quoting expressions is the fix only where an expression is written bare.
    QVERIFY2(!editor->jsonStatus().contains(QStringLiteral("inside JSON strings")),
             qPrintable(editor->jsonStatus()));
    QTest::keyClick(body, Qt::Key_Backspace);
    QCOMPARE(editor->jsonStatus(), QStringLiteral("Valid JSON."));
    // Typing and erasing merged into nothing.
    QCOMPARE(document->undoStack()->count(), 0);
    body->moveCursor(QTextCursor::End);
    body->moveCursor(QTextCursor::Left);
    QTest::keyClicks(body, QStringLiteral(", \"n\": {{ form1.email }}"));
    QVERIFY2(editor->jsonStatus().endsWith(QStringLiteral("Put {{ expressions }} inside JSON strings.")),
             qPrintable(editor->jsonStatus()));
    // Save says where in the same words as the line under the body: line and column, not a byte offset.
    const QRegularExpressionMatch place =
        QRegularExpression(QStringLiteral("line \\d+, column \\d+")).match(editor->jsonStatus());
    QVERIFY2(place.hasMatch(), qPrintable(editor->jsonStatus()));
    QVERIFY(!document->keepsFileRules());
    QVERIFY2(document->errorString().contains(place.captured()), qPrintable(document->errorString()));
    document->undoStack()->undo();
    QCOMPARE(editor->jsonStatus(), QStringLiteral("Valid JSON."));
    // Still JSON, but the status says what the run will trip on: a name no earlier step defines, or a
    // field the form before doesn't have (its keys are email and password: the run would send null).
    const QList<std::pair<QString, QString>> problems {
        {QStringLiteral(", \"t\": \"{{ tokn }}\""), QStringLiteral("unknown name 'tokn'")},
        {QStringLiteral(", \"e\": \"{{ form1.emial }}\""), QStringLiteral("form1 has no field 'emial'")},
    };
    for (const auto &[typed, problem] : problems) {
        body->moveCursor(QTextCursor::End);
        body->moveCursor(QTextCursor::Left);
        QTest::keyClicks(body, typed);
        QCOMPARE(editor->jsonStatus(), QStringLiteral("\u26A0 Valid JSON, but: %1.").arg(problem));
        document->undoStack()->undo();
        QCOMPARE(editor->jsonStatus(), QStringLiteral("Valid JSON."));
    }
    // Switched to form fields, the JSON object's fields come along (in one undo step); back to JSON the
    // text is as it was.
    auto *kind = child<QComboBox>(editor, QStringLiteral("bodyKind"));
    const int before = document->undoStack()->index();
    kind->setCurrentIndex(2); // Form (URL-encoded)
    const RequestBody form = std::get<ApiRequestStep>(document->step({0, WorkflowKind::Auth, 1})).body;
    QCOMPARE(form.kind, RequestBody::Kind::FormUrlEncoded);
    QCOMPARE(form.fields.size(), 2);
    QCOMPARE(form.fields.at(0).name, QStringLiteral("email"));
    QCOMPARE(form.fields.at(0).value, QStringLiteral("{{ form1.email }}"));
    QCOMPARE(document->undoStack()->index(), before + 1);
    document->undoStack()->undo();
    QCOMPARE(std::get<ApiRequestStep>(document->step({0, WorkflowKind::Auth, 1})).body.fields.size(), 0);
    QCOMPARE(kind->currentIndex(), 1);
    // A body on a GET is sent, but is easily a method left as it was: flagged, until it is a POST again.
    auto *method = child<QComboBox>(editor, QStringLiteral("requestMethod"));
    method->setCurrentText(QStringLiteral("GET"));
    QCOMPARE(editor->jsonStatus(),
             QStringLiteral("\u26A0 Valid JSON, but: a GET request's body is ignored by many servers."));
    method->setCurrentText(QStringLiteral("POST"));
    QCOMPARE(editor->jsonStatus(), QStringLiteral("Valid JSON."));
}

// Code that doesn't compile is marked at its line and said under the editor once typing pauses, before
// any run (QA pass 40); fixed, the mark goes. A run's mark (a runtime error) is left to the run.
void tst_Editors::javaScriptEditorMarksCodeThatDoesntCompile()
{
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.setCurrentStep(2);
    auto *editor = qobject_cast<JavaScriptStepEditor *>(workflow.currentStepEditor());
    QVERIFY(editor);
    CodeEditor *code = editor->codeEdit();
    auto *problem = child<QLabel>(editor, QStringLiteral("codeProblem"));
    code->setFocus();
    code->moveCursor(QTextCursor::End);
    QTest::keyClick(code, Qt::Key_Return);
    QTest::keyClicks(code, QStringLiteral("const broken = (1 + ;"));
    const int last = code->document()->blockCount();
    QTRY_VERIFY2(editor->syntaxError().contains(QStringLiteral("js1: SyntaxError: ")),
                 qPrintable(editor->syntaxError()));
    QCOMPARE(code->errorLine(), last);
    QVERIFY2(problem->text().contains(QStringLiteral("it doesn't compile")), qPrintable(problem->text()));
    QVERIFY(!problem->isHidden());
    QTest::keyClick(code, Qt::Key_Backspace);
    QTest::keyClicks(code, QStringLiteral("2);"));
    QTRY_VERIFY(editor->syntaxError().isEmpty());
    QCOMPARE(code->errorLine(), 0);
    QVERIFY(problem->isHidden());

    // A run's mark stays when the code compiles.
    editor->setErrorLine(2, QStringLiteral("js1: TypeError: x is undefined (line 2)"));
    QSignalSpy checked(editor, &JavaScriptStepEditor::syntaxChecked);
    QTest::keyClicks(code, QStringLiteral(" "));
    QVERIFY(checked.wait());
    QCOMPARE(code->errorLine(), 2);
}

void tst_Editors::javaScriptEditor()
{
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.setCurrentStep(2);
    auto *editor = qobject_cast<JavaScriptStepEditor *>(workflow.currentStepEditor());
    QVERIFY(editor);
    QVERIFY(editor->codeEdit()->toPlainText().startsWith(QStringLiteral("// The echo server")));
    editor->codeEdit()->setFocus();
    editor->codeEdit()->moveCursor(QTextCursor::End);
    QTest::keyClick(editor->codeEdit(), Qt::Key_Return);
    QTest::keyClicks(editor->codeEdit(), QStringLiteral("// done"));
    QVERIFY(std::get<JavaScriptStep>(document->step({0, WorkflowKind::Auth, 2}))
                .code.endsWith(QStringLiteral("// done")));
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Edit code"));
    document->undoStack()->undo();
    QVERIFY(!editor->codeEdit()->toPlainText().contains(QStringLiteral("// done")));
    // A pause in typing starts a new undo step (QA pass 22: minutes of a script went in one Ctrl+Z).
    // With no pause needed, each key is a step of its own.
    document->setTypingPauseMs(0);
    QTest::keyClicks(editor->codeEdit(), QStringLiteral("ab"));
    QCOMPARE(document->undoStack()->count(), 2);
    document->undoStack()->undo();
    QVERIFY(editor->codeEdit()->toPlainText().endsWith(QStringLiteral("a")));
    document->undoStack()->undo();
    document->setTypingPauseMs(WorkspaceDocument::DefaultTypingPauseMs);
    QVERIFY(!editor->codeEdit()->toPlainText().contains(QStringLiteral("// done")));

    // A run's error mark stays on its line when the document's Undo and Redo change the code, and the
    // cursor stays where it was rather than jumping to the start.
    editor->setErrorLine(3, QStringLiteral("js1: SyntaxError (line 3)"));
    CodeEditor *code = editor->codeEdit();
    QCOMPARE(code->errorLine(), 3);
    code->moveCursor(QTextCursor::End);
    const int end = code->textCursor().position();
    Step edited = document->step({0, WorkflowKind::Auth, 2});
    std::get<JavaScriptStep>(edited).code.prepend(QStringLiteral("\n"));
    document->setStep({0, WorkflowKind::Auth, 2}, edited, QStringLiteral("Edit code"));
    QCOMPARE(code->errorLine(), 4);
    QCOMPARE(code->textCursor().position(), end + 1);
    document->undoStack()->undo();
    QCOMPARE(code->errorLine(), 3);
    QCOMPARE(code->textCursor().position(), end);
    document->undoStack()->redo();
    QCOMPARE(code->errorLine(), 4);
    document->undoStack()->undo();

    // Renaming through the name field.
    clearLine(editor->nameEdit());
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("inspect"));
    QCOMPARE(stepName(document->step({0, WorkflowKind::Auth, 2})), QStringLiteral("inspect"));
    QCOMPARE(workflow.stepModel()->index(2).data(StepListModel::StepNameRole).toString(),
             QStringLiteral("inspect"));
    clearLine(editor->nameEdit());
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("http1"));
    QVERIFY(child<QLabel>(editor, QStringLiteral("stepNameProblem"))->isVisibleTo(editor));
}

void tst_Editors::renamingAStepRewritesLaterSteps()
{
    auto document = demoDocument();
    const Resource original = document->resource(0);
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.show();
    const StepRef js1 {0, WorkflowKind::Auth, 2};
    const StepRef password {0, WorkflowKind::Auth, 3};

    workflow.setCurrentStep(1);
    StepEditor *editor = workflow.currentStepEditor();
    QCOMPARE(editor->nameEdit()->text(), QStringLiteral("http1"));
    clearLine(editor->nameEdit());
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("login"));
    QCOMPARE(stepName(document->step({0, WorkflowKind::Auth, 1})), QStringLiteral("login"));
    QVERIFY2(
        std::get<JavaScriptStep>(document->step(js1)).code.contains(QStringLiteral("= login.body.json;")),
        qPrintable(std::get<JavaScriptStep>(document->step(js1)).code));
    QCOMPARE(std::get<DefineVariableStep>(document->step(password)).value,
             QStringLiteral("{{ login.body.json.password }}"));
    // The later step's editor shows the new text.
    workflow.setCurrentStep(3);
    auto *variableEditor = qobject_cast<DefineVariableStepEditor *>(workflow.currentStepEditor());
    QVERIFY(variableEditor);
    QCOMPARE(variableEditor->valueEdit()->text(), QStringLiteral("{{ login.body.json.password }}"));
    // Clearing the name and typing the new one letter by letter is one undo step.
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Rename step"));

    document->undoStack()->undo();
    QCOMPARE(document->resource(0), original);
    QCOMPARE(variableEditor->valueEdit()->text(), QStringLiteral("{{ http1.body.json.password }}"));
    document->undoStack()->redo();
    QCOMPARE(std::get<DefineVariableStep>(document->step(password)).value,
             QStringLiteral("{{ login.body.json.password }}"));
    document->undoStack()->undo();

    // The form: the request's JSON body follows, and js1 -> sign leaves the others alone.
    workflow.setCurrentStep(0);
    clearLine(workflow.currentStepEditor()->nameEdit());
    QTest::keyClicks(workflow.currentStepEditor()->nameEdit(), QStringLiteral("creds"));
    QCOMPARE(std::get<ApiRequestStep>(document->step({0, WorkflowKind::Auth, 1})).body.text,
             QStringLiteral(R"({"email": "{{ creds.email }}", "password": "{{ creds.password }}"})"));
    workflow.setCurrentStep(2);
    clearLine(workflow.currentStepEditor()->nameEdit());
    QTest::keyClicks(workflow.currentStepEditor()->nameEdit(), QStringLiteral("sign"));
    QCOMPARE(stepName(document->step(js1)), QStringLiteral("sign"));
    QCOMPARE(std::get<DefineVariableStep>(document->step(password)).value,
             QStringLiteral("{{ http1.body.json.password }}"));
    QCOMPARE(document->undoStack()->count(), 2);
    document->undoStack()->undo();
    document->undoStack()->undo();
    QCOMPARE(document->resource(0), original);
}

void tst_Editors::renamingOntoANameInUseWarns()
{
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.show();
    workflow.setCurrentStep(1);
    StepEditor *editor = workflow.currentStepEditor();
    auto *problem = child<QLabel>(editor, QStringLiteral("stepNameProblem"));
    QVERIFY(!problem->isVisibleTo(editor));

    // js1 has its own "echoed": after renaming http1 to it, its code can't tell the two apart.
    clearLine(editor->nameEdit());
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("echoed"));
    QVERIFY(problem->isVisibleTo(editor));
    QVERIFY2(problem->text().contains(QStringLiteral("js1")), qPrintable(problem->text()));
    QVERIFY2(problem->text().contains(QStringLiteral("Undo")), qPrintable(problem->text()));
    document->undoStack()->undo();
    QCOMPARE(editor->nameEdit()->text(), QStringLiteral("http1"));
    QVERIFY(!problem->isVisibleTo(editor));

    // A workspace variable of the same name is hidden from this step on.
    clearLine(editor->nameEdit());
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("DEMO_API"));
    QVERIFY(problem->isVisibleTo(editor));
    QVERIFY2(problem->text().contains(QStringLiteral("workspace variable")), qPrintable(problem->text()));
    clearLine(editor->nameEdit());
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("login"));
    QVERIFY(!problem->isVisibleTo(editor));

    // A JavaScript keyword can't be named by an expression (`{{ new.body }}` is a syntax error); one of
    // JavaScript's globals can, but hides it from the scripts after the step.
    clearLine(editor->nameEdit());
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("new"));
    QVERIFY(problem->isVisibleTo(editor));
    QVERIFY2(problem->text().contains(QStringLiteral("JavaScript keyword")), qPrintable(problem->text()));
    clearLine(editor->nameEdit());
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("JSON"));
    QVERIFY(problem->isVisibleTo(editor));
    QVERIFY2(problem->text().contains(QStringLiteral("also JavaScript's")), qPrintable(problem->text()));
    clearLine(editor->nameEdit());
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("login"));
    QVERIFY(!problem->isVisibleTo(editor));
    // Renamed in the step list, a keyword is refused as a name that isn't an identifier is.
    const QModelIndex row = workflow.stepModel()->index(1);
    QVERIFY(!workflow.stepModel()->setData(row, QStringLiteral("class"), Qt::EditRole));
    QCOMPARE(row.data(StepListModel::StepNameRole).toString(), QStringLiteral("login"));
}

void tst_Editors::renamingAVariableRewritesTheResource()
{
    auto document = demoDocument();
    const Resource original = document->resource(1);
    ResourceEditor editor(document.get());
    editor.setResource(1);
    editor.show();
    editor.tabs()->setCurrentIndex(ResourceEditor::AuthWorkflowTab);
    WorkflowEditor *auth = editor.workflowEditor(WorkflowKind::Auth);
    auth->setCurrentStep(2);
    QLineEdit *name = auth->currentStepEditor()->nameEdit();
    QCOMPARE(name->text(), QStringLiteral("TOKEN"));
    clearLine(name);
    QTest::keyClicks(name, QStringLiteral("ACCESS_TOKEN"));

    // The header on the General tab, as its table shows it.
    auto *headers = child<KeyValueTableEditor>(&editor, QStringLiteral("resourceHeaders"));
    QCOMPARE(headers->model()->index(0, KeyValueTableModel::ValueColumn).data().toString(),
             QStringLiteral("Bearer {{ ACCESS_TOKEN }}"));
    // The refresh workflow re-defines the same session variable: it follows, in its list too.
    const StepRef refreshToken {1, WorkflowKind::Refresh, 1};
    QCOMPARE(stepName(document->step(refreshToken)), QStringLiteral("ACCESS_TOKEN"));
    QCOMPARE(editor.workflowEditor(WorkflowKind::Refresh)
                 ->stepModel()
                 ->index(1)
                 .data(StepListModel::StepNameRole)
                 .toString(),
             QStringLiteral("ACCESS_TOKEN"));
    QCOMPARE(document->undoStack()->count(), 1);

    document->undoStack()->undo();
    QCOMPARE(document->resource(1), original);
    QCOMPARE(name->text(), QStringLiteral("TOKEN"));
    QCOMPARE(headers->model()->index(0, KeyValueTableModel::ValueColumn).data().toString(),
             QStringLiteral("Bearer {{ TOKEN }}"));
    document->undoStack()->redo();
    QCOMPARE(document->resource(1).headers.first().value, QStringLiteral("Bearer {{ ACCESS_TOKEN }}"));
    QCOMPARE(name->text(), QStringLiteral("ACCESS_TOKEN"));
}

void tst_Editors::defineVariableEditor()
{
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.setCurrentStep(3);
    auto *editor = qobject_cast<DefineVariableStepEditor *>(workflow.currentStepEditor());
    QVERIFY(editor);
    QCOMPARE(editor->nameEdit()->text(), QStringLiteral("PASSWORD"));
    QCOMPARE(editor->valueEdit()->text(), QStringLiteral("{{ http1.body.json.password }}"));
    QVERIFY(editor->secretCheck()->isChecked());
    editor->secretCheck()->click();
    QVERIFY(!std::get<DefineVariableStep>(document->step({0, WorkflowKind::Auth, 3})).secret);
    editor->secretCheck()->click();
    QCOMPARE(document->undoStack()->count(), 2);
    clearLine(editor->valueEdit());
    auto *hint = child<QLabel>(editor, QStringLiteral("variableHint"));
    // An expression being typed is not taken for a literal.
    QTest::keyClicks(editor->valueEdit(), QStringLiteral("{{ form1.pass"));
    QVERIFY2(hint->text().startsWith(QStringLiteral("Close the {{ expression }}")), qPrintable(hint->text()));
    clearLine(editor->valueEdit());
    QTest::keyClicks(editor->valueEdit(), QStringLiteral("literal"));
    QVERIFY(hint->text().contains(QStringLiteral("can't be a literal")));
    QCOMPARE(document->undoStack()->count(), 3);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Edit value of PASSWORD"));

    // A session variable secret in one workflow and not in the other is said where it is defined (QA
    // pass 38: EXPIRES_IN was masked only after a refresh, with no hint).
    WorkflowEditor refresh(document.get(), WorkflowKind::Refresh);
    refresh.setResource(1);
    refresh.setCurrentStep(2);
    auto *expires = qobject_cast<DefineVariableStepEditor *>(refresh.currentStepEditor());
    QVERIFY(expires);
    QCOMPARE(expires->nameEdit()->text(), QStringLiteral("EXPIRES_IN"));
    auto *expiresHint = child<QLabel>(expires, QStringLiteral("variableHint"));
    QVERIFY(!expiresHint->text().contains(QStringLiteral("auth workflow")));
    expires->secretCheck()->click();
    QVERIFY2(expiresHint->text().endsWith(
                 QStringLiteral("The auth workflow keeps it not secret: it is masked only after a refresh.")),
             qPrintable(expiresHint->text()));
    document->undoStack()->undo();
    QVERIFY(!expiresHint->text().contains(QStringLiteral("auth workflow")));
}

void tst_Editors::formStepEditor()
{
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.setCurrentStep(0);
    auto *editor = qobject_cast<FormStepEditor *>(workflow.currentStepEditor());
    QVERIFY(editor);
    QCOMPARE(editor->fieldView()->model()->rowCount(), 2);
    // The Type column fits the drop-down that edits it, with its longest choice ("Password" was cut).
    workflow.resize(900, 500);
    workflow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workflow));
    QComboBox widestChoice;
    widestChoice.addItems(FormFieldTableModel::typeLabels());
    QVERIFY2(editor->fieldView()->columnWidth(FormFieldTableModel::TypeColumn) >=
                 widestChoice.sizeHint().width() - 8,
             qPrintable(QStringLiteral("%1 < %2")
                            .arg(editor->fieldView()->columnWidth(FormFieldTableModel::TypeColumn))
                            .arg(widestChoice.sizeHint().width())));
    // Renaming a key takes the later steps' {{ form1.email }} along, in one undo step.
    QVERIFY(editor->fieldView()->model()->setData(editor->fieldView()->model()->index(0, 0),
                                                  QStringLiteral("mail")));
    QVERIFY(std::get<ApiRequestStep>(document->step({0, WorkflowKind::Auth, 1}))
                .body.text.contains(QStringLiteral("{{ form1.mail }}")));
    QCOMPARE(document->undoStack()->count(), 1);
    document->undoStack()->undo();
    QCOMPARE(std::get<FormStep>(document->step({0, WorkflowKind::Auth, 0})).fields.first().key,
             QStringLiteral("email"));
    // The hint names a field the form has; with none, it says the form asks nothing (QA pass 40: it
    // named {{ form2.email }}).
    auto *hint = child<QLabel>(editor, QStringLiteral("formHint"));
    QVERIFY2(hint->text().contains(QStringLiteral("{{ form1.email }}")), qPrintable(hint->text()));
    Step empty = document->step({0, WorkflowKind::Auth, 0});
    std::get<FormStep>(empty).fields.clear();
    document->setStep({0, WorkflowKind::Auth, 0}, empty, QStringLiteral("No fields"));
    QVERIFY2(hint->text().startsWith(QStringLiteral("This form has no fields")), qPrintable(hint->text()));
    document->undoStack()->undo();
    QVERIFY(std::get<ApiRequestStep>(document->step({0, WorkflowKind::Auth, 1}))
                .body.text.contains(QStringLiteral("{{ form1.email }}")));
    document->undoStack()->clear();
    child<QToolButton>(editor, QStringLiteral("addFormField"))->click();
    QCOMPARE(std::get<FormStep>(document->step({0, WorkflowKind::Auth, 0})).fields.size(), 3);
    editor->fieldView()->setCurrentIndex(editor->fieldView()->model()->index(0, 0));
    child<QToolButton>(editor, QStringLiteral("removeFormField"))->click();
    QCOMPARE(std::get<FormStep>(document->step({0, WorkflowKind::Auth, 0})).fields.first().key,
             QStringLiteral("password"));
    QCOMPARE(document->undoStack()->count(), 2);

    // A key used twice, or one that isn't a name, is flagged while editing: the cell and a line under
    // the table, which goes once the key is fixed.
    QAbstractItemModel *fields = editor->fieldView()->model();
    auto *problem = child<QLabel>(editor, QStringLiteral("formFieldKeyProblem"));
    QVERIFY(problem->isHidden());
    QVERIFY(fields->setData(fields->index(1, 0), QStringLiteral("password")));
    QVERIFY(!problem->isHidden());
    QCOMPARE(problem->text(),
             QStringLiteral("Field 2: duplicate field key 'password': its value would overwrite field 1's."));
    QCOMPARE(fields->index(1, 0).data(Qt::ForegroundRole).value<QColor>(), StudioColors::error());
    QVERIFY(!fields->index(0, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(fields->setData(fields->index(1, 0), QStringLiteral("1 bad-key")));
    QVERIFY2(problem->text().contains(QStringLiteral("'1 bad-key' is not a valid identifier")),
             qPrintable(problem->text()));
    document->undoStack()->undo();
    document->undoStack()->undo();
    QVERIFY(problem->isHidden());
    QVERIFY(!fields->index(1, 0).data(Qt::ForegroundRole).isValid());
}

// QA pass 35: undoing a rename while the request it rewrote was shown left the rewritten body (and the
// document marked clean), and Redo then crashed.
void tst_Editors::undoingARenameShowsTheRewrittenBodyAgain()
{
    auto document = demoDocument();
    const Resource original = document->resource(0);
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.resize(900, 600);
    workflow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workflow));
    const StepRef http1 {0, WorkflowKind::Auth, 1};
    const auto body = [&] { return std::get<ApiRequestStep>(document->step(http1)).body.text; };

    // A field key, then a step name.
    for (const bool stepName : {false, true}) {
        workflow.setCurrentStep(0);
        if (stepName) {
            clearLine(workflow.currentStepEditor()->nameEdit());
            QTest::keyClicks(workflow.currentStepEditor()->nameEdit(), QStringLiteral("creds"));
        } else {
            auto *form = qobject_cast<FormStepEditor *>(workflow.currentStepEditor());
            QVERIFY(form->fieldView()->model()->setData(form->fieldView()->model()->index(0, 0),
                                                        QStringLiteral("mail")));
        }
        const QString renamed = body();
        QVERIFY(renamed != std::get<ApiRequestStep>(original.customAuth.authWorkflow.steps.at(1)).body.text);
        QCOMPARE(document->undoStack()->count(), 1);

        workflow.setCurrentStep(1);
        auto *request = qobject_cast<ApiRequestStepEditor *>(workflow.currentStepEditor());
        QVERIFY(request);
        QCOMPARE(request->jsonBodyEdit()->toPlainText(), renamed);
        document->undoStack()->undo();
        QCOMPARE(document->resource(0), original);
        QCOMPARE(request->jsonBodyEdit()->toPlainText(), body());
        QCOMPARE(document->undoStack()->count(), 1); // nothing pushed while undoing
        QVERIFY(!document->undoStack()->canUndo());
        QVERIFY(document->undoStack()->canRedo());
        document->undoStack()->redo();
        QCOMPARE(body(), renamed);
        QCOMPARE(request->jsonBodyEdit()->toPlainText(), renamed);
        document->undoStack()->undo();
        QCOMPARE(document->resource(0), original);
        document->undoStack()->clear();
    }
}

void tst_Editors::knownNamesReachExpressionFields()
{
    auto document = demoDocument();
    document->setVariableOverride(QStringLiteral("DEMO_API"), QStringLiteral("http://127.0.0.1:1"));
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.setCurrentStep(1);
    auto *request = qobject_cast<ApiRequestStepEditor *>(workflow.currentStepEditor());
    QCOMPARE(request->urlEdit()->knownNames(),
             (QStringList {QStringLiteral("DEMO_API"), QStringLiteral("form1")}));
    QVERIFY(request->urlEdit()->unknownNames().isEmpty());
    workflow.setCurrentStep(3);
    auto *variable = qobject_cast<DefineVariableStepEditor *>(workflow.currentStepEditor());
    QCOMPARE(variable->valueEdit()->knownNames(),
             (QStringList {QStringLiteral("DEMO_API"), QStringLiteral("form1"), QStringLiteral("http1"),
                           QStringLiteral("js1")}));
    // The steps' results have fields; completing one leaves the cursor after its name, ready for ".body".
    QCOMPARE(variable->knownNames().objects,
             (QStringList {QStringLiteral("form1"), QStringLiteral("http1"), QStringLiteral("js1")}));
    QCOMPARE(variable->knownNames().values, QStringList {QStringLiteral("DEMO_API")});
    // What is known of their fields before a run: the form's keys, a request's parts; nothing of a script.
    QCOMPARE(variable->knownNames().members.value(QStringLiteral("form1")),
             (QStringList {QStringLiteral("email"), QStringLiteral("password")}));
    QCOMPARE(variable->knownNames().members.value(QStringLiteral("http1")),
             (QStringList {QStringLiteral("body"), QStringLiteral("headers"), QStringLiteral("status")}));
    QVERIFY(!variable->knownNames().members.contains(QStringLiteral("js1")));

    // Moved above the request it reads, the step's value names a step that hasn't run yet: flagged at
    // once, as the run would fail there; moved back by Undo, the flag goes.
    QVERIFY(variable->valueEdit()->unknownNames().isEmpty());
    auto *up = child<QAction>(&workflow, QStringLiteral("moveStepUp"));
    up->trigger();
    up->trigger();
    QCOMPARE(workflow.currentStep(), 1);
    QCOMPARE(workflow.currentStepEditor(), variable);
    QCOMPARE(variable->stepRef().step, 1);
    QCOMPARE(variable->valueEdit()->knownNames(),
             (QStringList {QStringLiteral("DEMO_API"), QStringLiteral("form1")}));
    QCOMPARE(variable->valueEdit()->unknownNames(), QStringList {QStringLiteral("http1")});
    document->undoStack()->undo();
    document->undoStack()->undo();
    QCOMPARE(variable->stepRef().step, 3);
    QVERIFY(variable->valueEdit()->unknownNames().isEmpty());

    // A disabled step is greyed in the list, and runs skip it: later steps can't refer to it.
    document->setStepEnabled({0, WorkflowKind::Auth, 1}, false);
    QVERIFY(workflow.stepModel()->index(1).data(Qt::ForegroundRole).isValid());
    QVERIFY(!workflow.stepModel()->index(0).data(Qt::ForegroundRole).isValid());
    QCOMPARE(variable->valueEdit()->unknownNames(), QStringList {QStringLiteral("http1")});
    QVERIFY(!variable->knownNames().objects.contains(QStringLiteral("http1")));
    document->undoStack()->undo();
    QVERIFY(variable->valueEdit()->unknownNames().isEmpty());

    // The refresh workflow also knows what the auth workflow defines.
    WorkflowEditor refresh(document.get(), WorkflowKind::Refresh);
    refresh.setResource(1);
    refresh.setCurrentStep(0);
    auto *refreshRequest = qobject_cast<ApiRequestStepEditor *>(refresh.currentStepEditor());
    QVERIFY(refreshRequest->urlEdit()->knownNames().contains(QStringLiteral("REFRESH_TOKEN")));
    QVERIFY(refreshRequest->knownNames().values.contains(QStringLiteral("REFRESH_TOKEN")));

    // Resource fields know the variables the workflows define.
    ResourceEditor resource(document.get());
    resource.setResource(1);
    const QStringList names = child<ExpressionLineEdit>(&resource, QStringLiteral("baseUrl"))->knownNames();
    QVERIFY(names.contains(QStringLiteral("TOKEN")));
    QVERIFY(!names.contains(QStringLiteral("http1")));
}

void tst_Editors::keyValueTableEditor()
{
    auto document = demoDocument();
    KeyValueTableEditor editor(document.get());
    editor.setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceHeaders, 1));
    editor.show();
    QCOMPARE(editor.model()->rowCount(), 1);
    auto *remove = child<QToolButton>(&editor, QStringLiteral("removeRow"));
    QVERIFY(!remove->isEnabled());
    child<QToolButton>(&editor, QStringLiteral("addRow"))->click();
    QCOMPARE(document->resource(1).headers.size(), 2);
    QVERIFY(remove->isEnabled());
    // A blank row is a spare, left out of requests; given a value but no name, its name cell is tinted
    // and its tooltip says why Save refuses it.
    const QModelIndex name = editor.model()->index(1, KeyValueTableModel::NameColumn);
    QVERIFY(!name.data(Qt::BackgroundRole).isValid());
    QVERIFY(editor.model()->setData(name.siblingAtColumn(KeyValueTableModel::ValueColumn),
                                    QStringLiteral("no-name")));
    QVERIFY(name.data(Qt::BackgroundRole).isValid());
    QVERIFY2(name.data(Qt::ToolTipRole).toString().contains(QStringLiteral("no name")),
             qPrintable(name.data(Qt::ToolTipRole).toString()));
    document->undoStack()->undo();
    remove->click();
    QCOMPARE(document->resource(1).headers.size(), 1);
    QCOMPARE(document->undoStack()->count(), 2);
}

// Rows move with Ctrl+Up and Ctrl+Down, copy out as text and paste in many at once (the "bulk edit" of API
// tools): `Name: value` lines, `name=value`, tab-separated, `//` for a row switched off. Each is one
// undoable step. A single line goes into the current cell, as a spreadsheet's paste does: a token with
// '=' padding or an address is a value, not a row.
void tst_Editors::keyValueRowsMoveCopyAndPasteAsText()
{
    auto document = demoDocument();
    KeyValueTableEditor editor(document.get());
    editor.setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceHeaders, 1));
    editor.resize(600, 300);
    QVERIFY(showActive(&editor));
    QTableView *view = editor.view();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    const KeyValueList before = document->resource(1).headers;
    QCOMPARE(before.size(), 1);
    const int undoSteps = document->undoStack()->count();

    QApplication::clipboard()->setText(
        QStringLiteral("X-Trace: on\n// X-Debug: 1\n\nnext=https://example.com/a?b=c\n"
                       "Accept\tapplication/json\r\n"));
    view->setCurrentIndex(editor.model()->index(0, KeyValueTableModel::NameColumn));
    QTest::keySequence(view, QKeySequence::Paste);
    const KeyValueList pasted = document->resource(1).headers;
    QCOMPARE(pasted.size(), 5);
    QCOMPARE(pasted.at(0), before.at(0));
    QCOMPARE(pasted.at(1), (KeyValue {QStringLiteral("X-Trace"), QStringLiteral("on"), true}));
    QCOMPARE(pasted.at(2), (KeyValue {QStringLiteral("X-Debug"), QStringLiteral("1"), false}));
    QCOMPARE(pasted.at(3),
             (KeyValue {QStringLiteral("next"), QStringLiteral("https://example.com/a?b=c"), true}));
    QCOMPARE(pasted.at(4), (KeyValue {QStringLiteral("Accept"), QStringLiteral("application/json"), true}));
    QCOMPARE(document->undoStack()->count(), undoSteps + 1);
    QCOMPARE(view->currentIndex().row(), 1); // the first pasted row

    // Ctrl+Down twice takes X-Trace below X-Debug and next; Ctrl+Up once brings it back one.
    QTest::keyClick(view, Qt::Key_Down, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(document->resource(1).headers.at(3).name, QStringLiteral("X-Trace"));
    QCOMPARE(view->currentIndex().row(), 3);
    QTest::keyClick(view, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(document->resource(1).headers.at(2).name, QStringLiteral("X-Trace"));
    QCOMPARE(document->resource(1).headers.at(3).name, QStringLiteral("next"));
    QCOMPARE(document->undoStack()->count(), undoSteps + 4);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Move header"));
    // The context menu has them all, greyed where they can't act: the first row can't go up.
    view->setCurrentIndex(editor.model()->index(0, KeyValueTableModel::NameColumn));
    Q_EMIT view->customContextMenuRequested(view->visualRect(view->currentIndex()).center());
    QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    QStringList shown;
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator())
            shown.append(action->objectName() + (action->isEnabled() ? QString() : QStringLiteral(" (off)")));
    }
    QCOMPARE(shown,
             (QStringList {QStringLiteral("moveRowUp (off)"), QStringLiteral("moveRowDown"),
                           QStringLiteral("copyRow"), QStringLiteral("copyAllRows"),
                           QStringLiteral("pasteRows")}));
    menu->close();
    QTest::keyClick(view, Qt::Key_Up, Qt::ControlModifier); // does nothing
    QCOMPARE(document->undoStack()->count(), undoSteps + 4);

    // Ctrl+C copies the selected row as a header line; Copy All Rows copies every row, and pasting that
    // text into another table gives the same rows.
    view->setCurrentIndex(editor.model()->index(1, KeyValueTableModel::ValueColumn));
    QTest::keySequence(view, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("// X-Debug: 1\n"));
    editor.copyRows(true); // Copy All Rows
    const QString all = QApplication::clipboard()->text();
    QCOMPARE(all.count(QLatin1Char('\n')), 5);
    KeyValueTableEditor other(document.get());
    other.setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceHeaders, 0));
    const int otherRows = other.model()->rowCount();
    other.paste();
    QCOMPARE(document->resource(0).headers.mid(otherRows), document->resource(1).headers);

    // One line without a tab is a value for the current cell.
    for (const QString &value : {QStringLiteral("dGVzdA=="), QStringLiteral("https://example.com/?a=b")}) {
        QApplication::clipboard()->setText(value);
        view->setCurrentIndex(editor.model()->index(4, KeyValueTableModel::ValueColumn));
        QTest::keySequence(view, QKeySequence::Paste);
        QCOMPARE(document->resource(1).headers.size(), 5);
        QCOMPARE(document->resource(1).headers.at(4).value, value);
    }

    // A credential written as it is is tinted and said, as a secret-looking workspace variable is (QA pass
    // 45: a pasted "authorization: Bearer eyJ…" went unsaid, and was saved in the file).
    QApplication::clipboard()->setText(QStringLiteral("Authorization: Bearer abcdefgh12345678\n"));
    view->setCurrentIndex(editor.model()->index(4, KeyValueTableModel::NameColumn));
    QTest::keySequence(view, QKeySequence::Paste);
    const QModelIndex pastedValue = editor.model()->index(5, KeyValueTableModel::ValueColumn);
    QVERIFY(pastedValue.data(Qt::BackgroundRole).isValid());
    QVERIFY2(
        pastedValue.data(Qt::ToolTipRole).toString().contains(QStringLiteral("saved in the workspace file")),
        qPrintable(pastedValue.data(Qt::ToolTipRole).toString()));
    QVERIFY(!editor.model()->index(0, KeyValueTableModel::ValueColumn).data(Qt::BackgroundRole).isValid());

    // Undo takes each step back, the paste of five rows as one.
    while (document->undoStack()->count() > undoSteps && document->undoStack()->canUndo() &&
           document->resource(1).headers != before)
        document->undoStack()->undo();
    QCOMPARE(document->resource(1).headers, before);
}

// What the tables take from the clipboard: their own copies, browser and spreadsheet copies, and the
// headers of a curl command (a browser's "Copy as cURL"), its other lines left out.
void tst_Editors::keyValueTextReadsWhatPeoplePaste_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<KeyValueList>("rows");
    const auto row = [](const char *name, const char *value, bool enabled = true) {
        return KeyValue {QString::fromUtf8(name), QString::fromUtf8(value), enabled};
    };
    QTest::newRow("own copy") << QStringLiteral("Accept: */*\n// X-Debug: 1\n")
                              << KeyValueList {row("Accept", "*/*"), row("X-Debug", "1", false)};
    QTest::newRow("parameters") << QStringLiteral("page=2\r\nnext=https://x.test/?a=b\r\n")
                                << KeyValueList {row("page", "2"), row("next", "https://x.test/?a=b")};
    QTest::newRow("spreadsheet") << QStringLiteral("Accept\tapplication/json\nX-A\t")
                                 << KeyValueList {row("Accept", "application/json"), row("X-A", "")};
    QTest::newRow("HTTP/2 pseudo-headers")
        << QStringLiteral(":authority: api.test\n:method: GET\naccept: */*\n")
        << KeyValueList {row("accept", "*/*")};
    QTest::newRow("curl") << QStringLiteral(
                                 "curl 'https://api.test/me?x=1' \\\n  -H 'Accept: */*' \\\n"
                                 "  -H \"Authorization: Bearer abc=\" \\\n  --header 'X-Id: 7' \\\n"
                                 "  --data-raw '{\"a\":1}' \\\n  --compressed")
                          << KeyValueList {row("Accept", "*/*"), row("Authorization", "Bearer abc="),
                                           row("X-Id", "7")};
    QTest::newRow("curl on one line")
        << QStringLiteral("curl 'https://api.test/' -H 'Accept: */*' -H 'X-A: 1' "
                          "-H 'X-Empty;' -A 'Firefox/1' -b 'sid=42' -u 'me:pw'")
        << KeyValueList {row("Accept", "*/*"), row("X-A", "1"), row("X-Empty", ""),
                         row("User-Agent", "Firefox/1"), row("Cookie", "sid=42")};
    QTest::newRow("curl $'...'") << QStringLiteral(
                                        "curl $'https://api.test/' -H $'X-Quote: it\\'s' --compressed")
                                 << KeyValueList {row("X-Quote", "it's")};
    QTest::newRow("curl $'...' escapes")
        << QStringLiteral("curl https://api.test/ -H $'X-A: \\x41\\u00e9\\U0001F600' -H $'X-B: q\\'\\\\\\\"' "
                          "-H $'X-C: \\101\\cA\\e\\z'")
        << KeyValueList {row("X-A", "A\u00e9\U0001F600"), row("X-B", "q'\\\""), row("X-C", "A\x01\x1b\\z")};
    QTest::newRow("curl \"...\" escapes")
        << QStringLiteral("curl https://api.test/ -H \"X-A: a\\nb \\\"q\\\" \\$x\"")
        << KeyValueList {row("X-A", "a\\nb \"q\" $x")};
    QTest::newRow("curl options with their argument attached")
        << QStringLiteral("curl https://api.test/ -HX-Attached:1 -XPOST -H 'X-Remove:' -AFirefox/1")
        << KeyValueList {row("X-Attached", "1"), row("User-Agent", "Firefox/1")};
    // Read as bash and curl do (review of QA pass 47's change): escaped bytes are UTF-8 (or Latin-1),
    // a surrogate pair one character, \0 ends the string, \c never takes the closing quote; flags
    // before an option in one word; an option's argument is no address; CRLF continues inside "...".
    QTest::newRow("curl $'...' bytes")
        << QStringLiteral("curl https://api.test/ -H $'X-A: caf\\xc3\\xa9 caf\\303\\251' -H $'X-B: caf\\xe9' "
                          "-H $'X-C: \\uD83D\\uDE00' -H $'X-D: cut\\0off' -H $'X-E: a\\c' -H 'X-F: f'")
        << KeyValueList {row("X-A", "caf\u00e9 caf\u00e9"),
                         row("X-B", "caf\u00e9"),
                         row("X-C", "\U0001F600"),
                         row("X-D", "cut"),
                         row("X-E", "a\\c"),
                         row("X-F", "f")};
    QTest::newRow("curl flags and options with arguments")
        << QStringLiteral("curl -x http://proxy.test:8080 -sSLH 'X-A: a' -o out.json --connect-timeout 5 "
                          "'https://api.test/?p=1' -sAFirefox/2")
        << KeyValueList {row("X-A", "a"), row("User-Agent", "Firefox/2")};
    QTest::newRow("curl CRLF continuation in double quotes")
        << QStringLiteral("curl https://api.test/ \\\r\n  -H \"X-A: a\\\r\nb\"")
        << KeyValueList {row("X-A", "ab")};
    QTest::newRow("blank lines") << QStringLiteral("\n\n  \nA: 1\n\n") << KeyValueList {row("A", "1")};
}

void tst_Editors::keyValueTextReadsWhatPeoplePaste()
{
    QFETCH(QString, text);
    QFETCH(KeyValueList, rows);
    QVERIFY(KeyValueText::looksLikeRows(text));
    QCOMPARE(KeyValueText::parse(text), rows);
}

// A curl command carries more than a table can take: its address's parameters go into a parameter table,
// and what the rows leave out (the method, a body, a user and password) is said beside them, never with a
// value (QA pass 46: pasting it left -u and -X out without a word).
void tst_Editors::aPastedCurlCommandSaysWhatItLeftOut()
{
    const QString command = QStringLiteral(
        "curl 'https://api.test/items?page=2&q=a%20b' -X POST -H 'Accept: */*' -u 'me:hunter22' "
        "--data-raw '{\"a\":1}' --compressed");
    QStringList leftOut;
    QCOMPARE(KeyValueText::parse(command, KeyValueText::Style::Header, &leftOut),
             (KeyValueList {{QStringLiteral("Accept"), QStringLiteral("*/*"), true}}));
    QCOMPARE(leftOut,
             (QStringList {QStringLiteral("-X POST"), QStringLiteral("-u (a user and password)"),
                           QStringLiteral("--data-raw (a body)")}));
    QCOMPARE(KeyValueText::parse(command, KeyValueText::Style::Assignment, &leftOut),
             (KeyValueList {{QStringLiteral("page"), QStringLiteral("2"), true},
                            {QStringLiteral("q"), QStringLiteral("a b"), true}}));
    QCOMPARE(leftOut.first(), QStringLiteral("1 header"));
    // An item with neither name nor value (`?=&`) is no row, as a blank pasted line is none (found by
    // fuzz_key_value_text).
    QCOMPARE(KeyValueText::parse(QStringLiteral("curl 'https://api.test/?=&p=1&&='"),
                                 KeyValueText::Style::Assignment),
             (KeyValueList {{QStringLiteral("p"), QStringLiteral("1"), true}}));
    // A proxy's address is an option's argument, not the command's (review: its parameters were pasted).
    QCOMPARE(KeyValueText::parse(
                 QStringLiteral("curl -x 'http://proxy.test:8080/?z=9' -sS 'https://api.test/?p=1'"),
                 KeyValueText::Style::Assignment),
             (KeyValueList {{QStringLiteral("p"), QStringLiteral("1"), true}}));

    auto document = demoDocument();
    KeyValueTableEditor headers(document.get());
    headers.setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceHeaders, 1));
    headers.resize(600, 300);
    QVERIFY(showActive(&headers));
    QApplication::clipboard()->setText(command);
    headers.paste();
    QCOMPARE(document->resource(1).headers.size(), 2);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(),
             QStringLiteral("Pasted 1 header from the curl command. Left out: -X POST, "
                            "-u (a user and password), --data-raw (a body)."));
    QVERIFY(!QToolTip::text().contains(QStringLiteral("hunter22")));

    KeyValueTableEditor parameters(document.get());
    parameters.setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceUrlParameters, 1));
    parameters.resize(600, 300);
    QVERIFY(showActive(&parameters));
    const int before = int(document->resource(1).urlParameters.size());
    parameters.paste();
    QCOMPARE(document->resource(1).urlParameters.size(), before + 2);
    QCOMPARE(document->resource(1).urlParameters.at(before + 1).value, QStringLiteral("a b"));
    QTRY_VERIFY(
        QToolTip::text().startsWith(QStringLiteral("Pasted 2 parameters from the curl command's address. "
                                                   "Left out: 1 header, -X POST")));

    // A command with nothing for the table says so, rather than nothing happening.
    QApplication::clipboard()->setText(QStringLiteral("curl https://api.test/"));
    headers.paste();
    QCOMPARE(document->resource(1).headers.size(), 2);
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("The curl command sends no headers."));

    // A header pasted beside one of its name replaces it when sent: said (QA pass 47).
    QApplication::clipboard()->setText(QStringLiteral("accept: text/plain\nX-New: 1\n"));
    headers.paste();
    QCOMPARE(document->resource(1).headers.size(), 4);
    QTRY_COMPARE(QToolTip::text(),
                 QStringLiteral("accept was in the table already: only the lower row's value is sent."));
}

// A key written into a URL parameter is saved in the file as one in a header is: tinted and said, as
// validate says it (QA pass 47). A page number isn't one.
void tst_Editors::aKeyWrittenIntoAParameterIsTinted()
{
    auto document = demoDocument();
    KeyValueTableEditor editor(document.get());
    editor.setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceUrlParameters, 1));
    QApplication::clipboard()->setText(QStringLiteral("api_key=k-9f8e7d6c5b4a3\npage=2\n"));
    const int before = editor.model()->rowCount();
    editor.paste();
    QCOMPARE(editor.model()->rowCount(), before + 2);
    const QModelIndex key = editor.model()->index(before, KeyValueTableModel::ValueColumn);
    QCOMPARE(key.data().toString(), QStringLiteral("k-9f8e7d6c5b4a3"));
    QVERIFY(key.data(Qt::BackgroundRole).isValid());
    QVERIFY2(key.data(Qt::ToolTipRole).toString().contains(QStringLiteral("saved in the workspace file")),
             qPrintable(key.data(Qt::ToolTipRole).toString()));
    QVERIFY(!editor.model()
                 ->index(before + 1, KeyValueTableModel::ValueColumn)
                 .data(Qt::BackgroundRole)
                 .isValid());
}

// A selected row's {{ expression }} is outlined, not tinted over: the tint faded the selection's white
// text to 2.6:1 against the highlight (QA pass 44).
void tst_Editors::aSelectedExpressionKeepsTheSelectionsText()
{
    auto document = demoDocument();
    KeyValueTableEditor editor(document.get());
    editor.setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceHeaders, 1));
    editor.resize(600, 300);
    QVERIFY(showActive(&editor));
    QTableView *view = editor.view();
    const QModelIndex value = editor.model()->index(0, KeyValueTableModel::ValueColumn);
    QVERIFY(editor.model()->setData(value, QStringLiteral("{{ TOKEN }}")));
    view->setFocus();
    view->setCurrentIndex(value);
    QTRY_VERIFY(view->hasFocus());
    const auto brightest = [view, &value] {
        const QImage image = view->viewport()->grab().toImage();
        const QRect cell = view->visualRect(value);
        int most = 0;
        for (int y = cell.top(); y <= cell.bottom(); ++y) {
            for (int x = cell.left(); x <= cell.right(); ++x)
                most = std::max(most, qGray(image.pixel(x, y)));
        }
        return most;
    };
    const int expression = brightest();
    // As bright as the same cell's plain text (measured: 240 and 240; tinted over, 216).
    QVERIFY(editor.model()->setData(value, QStringLiteral("TOKEN")));
    const int plain = brightest();
    QVERIFY2(expression >= plain - 6, qPrintable(QStringLiteral("%1 against %2").arg(expression).arg(plain)));
}

// Every workspace variable is saved, checked or not: a row Save refuses for its name (none, or not an
// identifier) is tinted and its tooltip says why, as a header with a value but no name is. Never dropped.
// QA pass 23: a line break pasted into a header's value went unmarked, saved and validated; only a run
// refused it. The cell at fault is tinted, says why, and Save refuses it.
void tst_Editors::headerRowsThatCouldInjectAreMarked()
{
    auto document = demoDocument();
    KeyValueTableEditor editor(document.get());
    editor.setTable(KeyValueRef::resourceTable(KeyValueRef::Table::ResourceHeaders, 0));
    editor.resize(600, 300);
    QVERIFY(showActive(&editor));
    QAbstractItemModel *model = editor.model();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex name = model->index(0, KeyValueTableModel::NameColumn);
    const QModelIndex value = model->index(0, KeyValueTableModel::ValueColumn);
    QVERIFY(document->keepsFileRules());

    QVERIFY(model->setData(value, QStringLiteral("Bearer {{ PASSWORD }}\nX-Injected: 1")));
    QVERIFY(!document->keepsFileRules());
    QVERIFY2(document->errorString().contains(QStringLiteral("line break")),
             qPrintable(document->errorString()));
    QVERIFY(value.data(Qt::BackgroundRole).isValid());
    QVERIFY(!name.data(Qt::BackgroundRole).isValid());
    QVERIFY2(value.data(Qt::ToolTipRole)
                 .toString()
                 .startsWith(QStringLiteral("This header can't be sent: the "
                                            "value contains a line break")),
             qPrintable(value.data(Qt::ToolTipRole).toString()));
    // Selected, as a cell just pasted into is, the row's highlight covers the tint: the corner flag shows
    // (QA pass 40 saw nothing until Save).
    editor.view()->setCurrentIndex(value);
    editor.view()->setFocus();
    const auto flagged = [&editor](const QModelIndex &cell) {
        const QRect box = editor.view()->visualRect(cell);
        const QColor corner =
            editor.view()->viewport()->grab().toImage().pixelColor(box.right() - 1, box.top() + 2);
        return corner.red() > 150 && corner.green() < 100 && corner.blue() < 100;
    };
    QTRY_VERIFY(editor.view()->hasFocus());
    QVERIFY(flagged(value));
    QVERIFY(!flagged(name));

    QVERIFY(model->setData(value, QStringLiteral("Bearer {{ PASSWORD }}")));
    QVERIFY(model->setData(name, QStringLiteral("Authorization:")));
    QVERIFY(!document->keepsFileRules());
    QVERIFY(name.data(Qt::BackgroundRole).isValid());
    QVERIFY(!value.data(Qt::BackgroundRole).isValid());
    QVERIFY2(name.data(Qt::ToolTipRole).toString().contains(QStringLiteral("contains ':'")),
             qPrintable(name.data(Qt::ToolTipRole).toString()));

    // Both wrong: both marked, each with its own reason (QA pass 24: the value's waited for the name's fix).
    QVERIFY(model->setData(value, QStringLiteral("a\nX-Injected: 1")));
    QVERIFY(name.data(Qt::BackgroundRole).isValid());
    QVERIFY(value.data(Qt::BackgroundRole).isValid());
    QVERIFY(name.data(Qt::ToolTipRole).toString().contains(QStringLiteral("contains ':'")));
    QVERIFY(value.data(Qt::ToolTipRole).toString().contains(QStringLiteral("line break")));

    // Unchecked, it is never sent: nothing to refuse.
    QVERIFY(model->setData(name, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(document->keepsFileRules());
    QVERIFY(!name.data(Qt::BackgroundRole).isValid());
    QVERIFY(!value.data(Qt::BackgroundRole).isValid());
}

void tst_Editors::variableRowsSaveRefusesAreMarked()
{
    auto document = demoDocument();
    KeyValueTableEditor editor(document.get());
    editor.setTable(KeyValueRef::variables());
    editor.resize(600, 300);
    QVERIFY(showActive(&editor));
    QAbstractItemModel *model = editor.model();
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(document->keepsFileRules());

    // Add, then Esc: the QA report's row, with no name and no value.
    QTest::mouseClick(child<QToolButton>(&editor, QStringLiteral("addRow")), Qt::LeftButton);
    QTRY_VERIFY(editor.view()->indexWidget(editor.view()->currentIndex()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!editor.view()->indexWidget(editor.view()->currentIndex()));
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(document->workspace().variables.size(), 2);
    const QModelIndex name = model->index(1, KeyValueTableModel::NameColumn);
    const auto tooltip = [&name] { return name.data(Qt::ToolTipRole).toString(); };
    QVERIFY(!document->keepsFileRules());
    QVERIFY2(document->errorString().contains(QStringLiteral("workspace variable 2")),
             qPrintable(document->errorString()));
    QVERIFY(name.data(Qt::BackgroundRole).isValid());
    QVERIFY2(tooltip().contains(QStringLiteral("no name")), qPrintable(tooltip()));
    QVERIFY(!model->index(0, KeyValueTableModel::NameColumn).data(Qt::BackgroundRole).isValid());

    // Unchecked, it is still saved, and still refused.
    QVERIFY(model->setData(name, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!document->keepsFileRules());
    QVERIFY(name.data(Qt::BackgroundRole).isValid());

    QVERIFY(model->setData(name, QStringLiteral("1st api")));
    QVERIFY(!document->keepsFileRules());
    QVERIFY(name.data(Qt::BackgroundRole).isValid());
    QVERIFY2(tooltip().contains(QStringLiteral("not a valid variable name")), qPrintable(tooltip()));

    QVERIFY(model->setData(name, QStringLiteral("API_2")));
    QVERIFY(document->keepsFileRules());
    QVERIFY(!name.data(Qt::BackgroundRole).isValid());
    QVERIFY2(!tooltip().contains(QStringLiteral("Save refuses")), qPrintable(tooltip()));
}

void tst_Editors::addingARowEditsItsName()
{
    // Add puts the cursor in the new row's Name cell at once, as in Postman: the name is typed right away,
    // in the resource's tables and in a request's alike.
    auto document = demoDocument();
    ResourceEditor editor(document.get());
    editor.setResource(1);
    editor.resize(900, 700);
    QVERIFY(showActive(&editor));
    WorkflowEditor *workflow = editor.workflowEditor(WorkflowKind::Auth);
    workflow->setCurrentStep(1);
    auto *request = qobject_cast<ApiRequestStepEditor *>(workflow->currentStepEditor());
    QVERIFY(request);
    const StepRef http1 {1, WorkflowKind::Auth, 1};
    struct Table
    {
        int tab;
        KeyValueTableEditor *editor;
        std::function<KeyValueList()> rows;
    };
    const QList<Table> tables {
        {ResourceEditor::GeneralTab, child<KeyValueTableEditor>(&editor, QStringLiteral("resourceHeaders")),
         [&] { return document->resource(1).headers; }},
        {ResourceEditor::GeneralTab, child<KeyValueTableEditor>(&editor, QStringLiteral("urlParameters")),
         [&] { return document->resource(1).urlParameters; }},
        {ResourceEditor::AuthWorkflowTab, request->headersEditor(),
         [&] { return std::get<ApiRequestStep>(document->step(http1)).headers; }},
        {ResourceEditor::AuthWorkflowTab, request->queryEditor(),
         [&] { return std::get<ApiRequestStep>(document->step(http1)).queryParameters; }},
    };
    for (const Table &table : tables) {
        editor.tabs()->setCurrentIndex(table.tab);
        if (table.tab == ResourceEditor::AuthWorkflowTab)
            request->focusField(table.editor == request->headersEditor() ? QStringLiteral("header")
                                                                         : QStringLiteral("query"));
        const QString name = table.editor->objectName();
        QTableView *view = table.editor->view();
        auto *add = child<QToolButton>(table.editor, QStringLiteral("addRow"));
        const int rows = table.editor->model()->rowCount();
        const int undoSteps = document->undoStack()->index();
        // The new row is current and selected, and its name cell's editor open, with the keyboard focus.
        const auto checkEditingName = [&](int row) {
            const QModelIndex nameCell = table.editor->model()->index(row, KeyValueTableModel::NameColumn);
            QCOMPARE(view->currentIndex(), nameCell);
            QVERIFY2(view->selectionModel()->isRowSelected(row), qPrintable(name));
            QTRY_VERIFY2(view->indexWidget(nameCell), qPrintable(name));
            QVERIFY2(QApplication::focusWidget() == view->indexWidget(nameCell), qPrintable(name));
        };
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(table.editor->model()->rowCount(), rows + 1);
        QCOMPARE(document->undoStack()->index(), undoSteps + 1); // adding is one step
        checkEditingName(rows);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("X-Trace"));

        // Add again, straight from typing that name, as users do: the name is kept, and the next row's name
        // is being edited. Add takes no focus: unless something around the table takes it on a click (not
        // so in the workspace variables dock), the cell typed in is still open then, as with click().
        QVERIFY(view->indexWidget(view->currentIndex()));
        add->click();
        QCOMPARE(table.editor->model()->rowCount(), rows + 2);
        QCOMPARE(table.rows().at(rows).name, QStringLiteral("X-Trace"));
        QCOMPARE(document->undoStack()->index(), undoSteps + 3); // add, name, add
        // The add is the last step: the name went in before it.
        QVERIFY2(document->undoStack()->undoText().startsWith(QStringLiteral("Add ")),
                 qPrintable(document->undoStack()->undoText()));
        checkEditingName(rows + 1);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("X-Other"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!view->indexWidget(view->currentIndex()));
        QCOMPARE(table.rows().last().name, QStringLiteral("X-Other"));
        QCOMPARE(document->undoStack()->index(), undoSteps + 4);

        // Undone, the name goes, then the row, one step each; the name typed before it stays.
        document->undoStack()->undo();
        QCOMPARE(table.rows().size(), rows + 2);
        QCOMPARE(table.rows().last().name, QString());
        document->undoStack()->undo();
        QCOMPARE(table.rows().size(), rows + 1);
        QCOMPARE(table.rows().last().name, QStringLiteral("X-Trace"));
        QCOMPARE(table.editor->model()->rowCount(), rows + 1);
        document->undoStack()->setIndex(undoSteps);
        QCOMPARE(table.editor->model()->rowCount(), rows);
    }
}

void tst_Editors::sessionTabOrderFollowsTheLayout()
{
    auto document = demoDocument();
    ResourceEditor editor(document.get());
    editor.setResource(1);
    editor.resize(900, 900);
    QVERIFY(showActive(&editor));
    editor.tabs()->setCurrentIndex(ResourceEditor::SessionTab);
    auto *first = child<QCheckBox>(&editor, QStringLiteral("loginTestEnabled"));
    QWidget *page = first->parentWidget()->parentWidget(); // the page holding both boxes
    // Every field in use, so Tab stops at each (the demo's lifetime is an expression: not the seconds).
    first->setChecked(true);
    child<QComboBox>(&editor, QStringLiteral("refreshTrigger"))->setCurrentIndex(1); // time-based

    const QList<QWidget *> stops = tabStops(page, first);
    const QStringList expected {QStringLiteral("loginTestEnabled"),    QStringLiteral("loginTestUrl"),
                                QStringLiteral("runWithoutPrompt"),    QStringLiteral("loginTimeout"),
                                QStringLiteral("refreshTrigger"),      QStringLiteral("expiresMode"),
                                QStringLiteral("expiresExpression"),   QStringLiteral("refreshOnStatuses"),
                                QStringLiteral("refreshOnBodyPattern")};
    QStringList visited;
    for (QWidget *stop : stops) {
        // A spin box's focus may sit in its line edit.
        QWidget *field = qobject_cast<QSpinBox *>(stop->parentWidget()) ? stop->parentWidget() : stop;
        visited.append(field->objectName());
    }
    QCOMPARE(visited, expected);
    for (qsizetype i = 1; i < stops.size(); ++i)
        QVERIFY2(followsVisually(page, stops.at(i - 1), stops.at(i)), qPrintable(describe(stops)));
}

void tst_Editors::apiRequestTabOrderFollowsTheLayout()
{
    // The same for a request step: the timeout, under the URL, comes before the tabs below it.
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.resize(1000, 800);
    QVERIFY(showActive(&workflow));
    workflow.setCurrentStep(1);
    auto *editor = qobject_cast<ApiRequestStepEditor *>(workflow.currentStepEditor());
    QVERIFY(editor);
    editor->bodyKindCombo()->setCurrentIndex(0); // no body: Tab goes on to the end of the page
    const QList<QWidget *> stops = tabStops(editor, editor->nameEdit());
    QVERIFY2(stops.size() >= 5, qPrintable(describe(stops)));
    QCOMPARE(stops.at(1), editor->methodCombo());
    QCOMPARE(stops.at(2), editor->urlEdit());
    QCOMPARE(stops.at(3)->objectName(), QStringLiteral("requestTimeout"));
    QVERIFY(qobject_cast<QTabBar *>(stops.at(4)));
    for (qsizetype i = 1; i < stops.size(); ++i)
        QVERIFY2(followsVisually(editor, stops.at(i - 1), stops.at(i)), qPrintable(describe(stops)));
}

void tst_Editors::workflowTabOrderFollowsTheLayout()
{
    // Tab goes from the step list through the step beside it (its fields in reading order) to Add step:
    // the list is where the pane starts (Ctrl+Tab lands there), and Insert there adds a step.
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.resize(1000, 700);
    QVERIFY(showActive(&workflow));
    workflow.setCurrentStep(3);
    auto *add = child<QToolButton>(&workflow, QStringLiteral("addStepButton"));
    const QList<QWidget *> stops = tabStops(&workflow, workflow.stepView());
    QVERIFY2(stops.size() >= 3, qPrintable(describe(stops)));
    QCOMPARE(stops.at(1), workflow.currentStepEditor()->nameEdit());
    QCOMPARE(stops.constLast(), add);
    for (qsizetype i = 2; i < stops.size() - 1; ++i) {
        QVERIFY2(workflow.currentStepEditor()->isAncestorOf(stops.at(i)), qPrintable(describe(stops)));
        QVERIFY2(followsVisually(&workflow, stops.at(i - 1), stops.at(i)), qPrintable(describe(stops)));
    }
    // The same for a step whose editor is built after the others (its body off: a body takes Tab).
    workflow.setCurrentStep(1);
    child<QComboBox>(workflow.currentStepEditor(), QStringLiteral("bodyKind"))->setCurrentIndex(0);
    const QList<QWidget *> request = tabStops(&workflow, workflow.stepView());
    QCOMPARE(request.at(1), workflow.currentStepEditor()->nameEdit());
    QCOMPARE(request.constLast(), add);
}

void tst_Editors::scriptReadingAStepItCantReadIsFlagged()
{
    // js1 reads http1.body.json. Disabled, http1 doesn't run, and the script would fail: its name is
    // flagged in the code as {{ http1... }} is in an expression field, in the same words.
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.resize(900, 700);
    workflow.show();
    const StepRef http1 {0, WorkflowKind::Auth, 1};
    workflow.setCurrentStep(2);
    auto *editor = qobject_cast<JavaScriptStepEditor *>(workflow.currentStepEditor());
    QVERIFY(editor);
    CodeEditor *code = editor->codeEdit();
    auto *problem = child<QLabel>(editor, QStringLiteral("codeProblem"));
    QVERIFY(problem);
    QVERIFY(markedUnknown(code).isEmpty());
    QVERIFY(!problem->isVisibleTo(editor));

    document->setStepEnabled(http1, false);
    QCOMPARE(markedUnknown(code), QStringList {QStringLiteral("http1")});
    QVERIFY(problem->isVisibleTo(editor));
    QVERIFY2(problem->text().contains(QStringLiteral("unknown name 'http1'")), qPrintable(problem->text()));
    // An expression field of a later step says it alike.
    workflow.setCurrentStep(3);
    auto *variable = qobject_cast<DefineVariableStepEditor *>(workflow.currentStepEditor());
    QVERIFY(variable);
    QCOMPARE(child<ExpressionLineEdit>(variable, QStringLiteral("variableValue"))->accessibleDescription(),
             QStringLiteral("unknown name 'http1'"));
    workflow.setCurrentStep(2);
    document->undoStack()->undo();
    QVERIFY(markedUnknown(code).isEmpty());
    QVERIFY(!problem->isVisibleTo(editor));

    // A later step is no better; its name as a local of the script, a property or in a string is fine.
    code->setFocus();
    code->moveCursor(QTextCursor::End);
    QTest::keyClick(code, Qt::Key_Return);
    QTest::keyClicks(code, QStringLiteral("// PASSWORD.length"));
    QTest::keyClick(code, Qt::Key_Return);
    QTest::keyClicks(code, QStringLiteral("const t = PASSWORD + echoed.PASSWORD;"));
    QCOMPARE(markedUnknown(code), QStringList {QStringLiteral("PASSWORD")});
    QVERIFY(problem->text().contains(QStringLiteral("unknown name 'PASSWORD'")));
    // Moved before the script, it is known there.
    document->moveStep({0, WorkflowKind::Auth, 3}, 2);
    QTRY_COMPARE(workflow.currentStep(), 3); // the script follows its row
    QVERIFY(markedUnknown(code).isEmpty());
    QVERIFY(!problem->isVisibleTo(editor));
    document->undoStack()->undo();
    QCOMPARE(markedUnknown(code), QStringList {QStringLiteral("PASSWORD")});
    // A name no step has is the script's business (a global of the engine, say): not flagged.
    QTest::keyClick(code, Qt::Key_Return);
    QTest::keyClicks(code, QStringLiteral("const j = JSON.stringify(notAStep);"));
    QCOMPARE(markedUnknown(code), QStringList {QStringLiteral("PASSWORD")});
}

void tst_Editors::stepPagesSizeToTheCurrentStep()
{
    // The step pages sit in a scroll area. Once the JavaScript page had been shown, a short page (Define
    // variable) kept its height: a scroll bar over empty space.
    auto document = demoDocument();
    WorkflowEditor workflow(document.get(), WorkflowKind::Auth);
    workflow.setResource(0);
    workflow.resize(900, 600);
    workflow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workflow));
    auto *details = child<QStackedWidget>(&workflow, QStringLiteral("stepDetails"));
    auto *scroll = qobject_cast<QScrollArea *>(details->parentWidget()->parentWidget());
    QVERIFY(scroll);

    workflow.setCurrentStep(3); // Define variable, first
    QWidget *variablePage = workflow.currentStepEditor();
    QVERIFY(qobject_cast<DefineVariableStepEditor *>(variablePage));
    QTRY_VERIFY(!scroll->verticalScrollBar()->isVisible());
    const QSize freshHint = details->sizeHint();
    const QSize freshMinimum = details->minimumSizeHint();

    workflow.setCurrentStep(2); // the JavaScript page, taller
    QWidget *scriptPage = workflow.currentStepEditor();
    QVERIFY(qobject_cast<JavaScriptStepEditor *>(scriptPage));
    // The room a page needs at the width it is given.
    const int width = scroll->viewport()->width();
    const auto needs = [width](const QWidget *page) {
        return page->hasHeightForWidth() ? page->heightForWidth(width) : page->sizeHint().height();
    };
    QVERIFY(needs(scriptPage) > needs(variablePage) + 20);
    // Short enough that the script page scrolls, tall enough for the variable page.
    const int room = (needs(variablePage) + needs(scriptPage)) / 2;
    workflow.resize(workflow.width(), workflow.height() - scroll->viewport()->height() + room);
    QTRY_COMPARE(scroll->viewport()->height(), room);
    QTRY_VERIFY(scroll->verticalScrollBar()->isVisible());

    workflow.setCurrentStep(3);
    QCOMPARE(workflow.currentStepEditor(), variablePage);
    QCOMPARE(details->sizeHint(), freshHint);
    QCOMPARE(details->minimumSizeHint(), freshMinimum);
    QTRY_VERIFY(!scroll->verticalScrollBar()->isVisible());
    QCOMPARE(details->height(), scroll->viewport()->height());
}

QTEST_MAIN(tst_Editors)
#include "tst_editors.moc"
