"""What the data says: rankings, regions, the paper's statements, the audit."""
