package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the lexer reads English contractions: every "n't" and "cannot" becomes the verb and "not". */
class RequestLexerTest {
    private static String words(String text) {
        List<String> out = RequestLexer.lex(text).stream().map(RequestLexer.Tok::text).toList();
        return String.join(" ", out);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "users can't delete posts|users can not delete posts",
            "users CAN'T delete posts|users can not delete posts",
            "users can’t delete posts|users can not delete posts",
            "users cannot delete posts|users can not delete posts",
            "we don't need tasks.done|we do not need tasks.done",
            "it won't be null|it will not be null",
            "they shan't see it|they shall not see it",
            "amounts shouldn't be negative|amounts should not be negative",
            "the organization's members|the organization members"})
    void contractionsReadAsTheVerbAndNot(String text, String expected) {
        assertEquals(expected, words(text));
    }
}
