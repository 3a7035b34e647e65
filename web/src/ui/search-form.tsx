import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/i18n';
import { Icon } from './icon';

interface SearchFormProps {
  id: string;
  label: string;
  placeholder: string;
  /** The search in the URL; remount (key) the form when it changes. */
  initial: string;
  onSearch: (q: string) => void;
  testId: string;
}

export function SearchForm(props: SearchFormProps) {
  const t = useT();
  const [value, setValue] = useState(props.initial);

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSearch(value.trim());
  }

  return (
    <search className="search-landmark">
      <form className="search" onSubmit={submit}>
        <label htmlFor={props.id} className="visually-hidden">
          {props.label}
        </label>
        <span className="search-icon" aria-hidden="true">
          <Icon name="search" size={15} />
        </span>
        <input
          id={props.id}
          className="input search-input"
          type="search"
          value={value}
          placeholder={props.placeholder}
          onChange={(event) => setValue(event.target.value)}
          data-testid={props.testId}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="btn btn-secondary" data-testid={`${props.testId}-submit`}>
          {t('common.search')}
        </button>
        {props.initial && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setValue('');
              props.onSearch('');
            }}
          >
            {t('common.clear')}
          </button>
        )}
      </form>
    </search>
  );
}
