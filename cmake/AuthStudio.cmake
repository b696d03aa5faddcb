# Common settings for every Auth Studio target, so warnings and Qt strictness are the same everywhere.
function(authstudio_target_settings target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_FOREACH
        QT_DISABLE_DEPRECATED_UP_TO=0x060400
        AUTHSTUDIO_VERSION="${PROJECT_VERSION}")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2)
    if(AUTHSTUDIO_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# A Qt Test suite run by CTest with the offscreen platform, so GUI suites need no display.
function(authstudio_add_test name)
    cmake_parse_arguments(ARG "" "WRAPPER" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    authstudio_target_settings(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
    target_compile_definitions(${name} PRIVATE
        AUTHSTUDIO_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        AUTHSTUDIO_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    if(ARG_WRAPPER)
        # e.g. tests/session/with-keyring.sh: runs the suite inside a private D-Bus session and keyring
        add_test(NAME ${name} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=qt.network.ssl.warning=false"
        TIMEOUT 300
        LABELS "${ARG_LABELS}")
endfunction()
