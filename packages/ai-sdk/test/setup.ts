// The AI SDK prints every warning with console.warn; the tests assert on result.warnings instead.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
