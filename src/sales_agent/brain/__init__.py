"""Understanding replies and writing messages: classifier, knowledge base, reply writer, guard."""
