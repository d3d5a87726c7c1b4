// Owns the popup's mount point.
import { render } from 'preact';
import { App } from './App';
import '../../components/ui.css';

render(<App />, document.getElementById('app')!);
