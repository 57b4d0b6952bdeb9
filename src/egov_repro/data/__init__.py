"""Reading and keeping the data package: files, CSV, UN exports, country codes."""
