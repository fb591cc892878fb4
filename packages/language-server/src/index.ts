// The language server's entry points (being written): see README.
export {};
